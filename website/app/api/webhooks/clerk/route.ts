import { clerkWebhook } from '../../../../src/server/license-server';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return clerkWebhook(request);
}
