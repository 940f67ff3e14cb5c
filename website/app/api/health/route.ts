import { licenseApi } from '../../../src/server/license-server';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return licenseApi.health(request);
}
