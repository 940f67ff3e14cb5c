import { adminApi } from '../../../../../src/server/license-server';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  return adminApi(request, (await context.params).path);
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE };
