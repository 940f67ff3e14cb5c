import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BreadcrumbTrail, LocalErrorTracker, createLogger } from '@flowdesk/shared/monitoring';
import { createRemoteErrorTransport, errorReportEndpoint } from './remote-reports';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A local collector that records what it receives and answers with the given status. */
async function collector(status = 202) {
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status).end('ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { received, url: new URL(`http://127.0.0.1:${port}/reports`) };
}

function report() {
  const trail = new BreadcrumbTrail();
  createLogger({ sinks: [trail] }).info('Opened the workspace of jane@example.com');
  const tracker = new LocalErrorTracker(10, () => new Date('2026-11-24T10:00:00Z'), trail);
  return tracker.capture(new Error('Store at /home/jane/data failed for jane@example.com'), {
    serviceUrl: 'https://mail.example.com/inbox',
  });
}

describe('remote error reports', () => {
  it('accepts only https endpoints, or http on this computer, without credentials', () => {
    expect(errorReportEndpoint('')).toBeUndefined();
    expect(errorReportEndpoint('not a url')).toBeUndefined();
    expect(errorReportEndpoint('http://reports.example.com/')).toBeUndefined();
    expect(errorReportEndpoint('https://user:pw@reports.example.com/')).toBeUndefined();
    expect(errorReportEndpoint('ftp://reports.example.com/')).toBeUndefined();
    expect(errorReportEndpoint('https://reports.example.com/v1')?.host).toBe('reports.example.com');
    expect(errorReportEndpoint('http://127.0.0.1:9/x')?.port).toBe('9');
  });

  it('sends nothing while sharing is off, and only the redacted problem when it is on', async () => {
    const { received, url } = await collector();
    let sharing = false;
    const transport = createRemoteErrorTransport({
      endpoint: url,
      sharingEnabled: () => sharing,
      app: { version: '1.2.3', platform: 'linux' },
    });
    await transport(report());
    expect(received).toHaveLength(0);

    sharing = true;
    await transport(report());
    expect(received).toHaveLength(1);
    const sent = received[0]!;
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.cookie).toBeUndefined();
    const body = JSON.parse(sent.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'app',
        'classification',
        'count',
        'error',
        'fingerprint',
        'firstSeen',
        'lastSeen',
        'schema',
      ].sort(),
    );
    expect(body.app).toEqual({ version: '1.2.3', platform: 'linux' });
    // No context, no breadcrumbs, no user name or e-mail address anywhere in what left.
    expect(sent.body).not.toMatch(/jane|mail\.example\.com|breadcrumb|context/i);
    expect((body.error as { message: string }).message).toBe('Store at ~/data failed for [email]');
  });

  it('fails with a stable code when the collector refuses or cannot be reached', async () => {
    const { url } = await collector(500);
    const refused = createRemoteErrorTransport({
      endpoint: url,
      sharingEnabled: () => true,
      app: { version: '1', platform: 'linux' },
    });
    await expect(refused(report())).rejects.toMatchObject({ code: 'NETWORK_ERROR_REPORT_REFUSED' });

    const closed = await collector();
    servers.pop()?.close();
    const unreachable = createRemoteErrorTransport({
      endpoint: closed.url,
      sharingEnabled: () => true,
      app: { version: '1', platform: 'linux' },
      timeoutMs: 2000,
    });
    await expect(unreachable(report())).rejects.toMatchObject({
      code: 'NETWORK_ERROR_REPORT_FAILED',
    });
  });
});
