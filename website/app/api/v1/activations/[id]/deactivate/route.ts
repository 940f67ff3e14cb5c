import { licenseApi } from '../../../../../../src/server/license-server';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return licenseApi.deactivate(request, id);
}
