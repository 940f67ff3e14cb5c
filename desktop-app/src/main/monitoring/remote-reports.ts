import { FlowDeskError } from '@flowdesk/shared/core';
import type { ErrorReport, RemoteErrorTransport } from '@flowdesk/shared/monitoring';

/**
 * Opt-in remote error reports (issue 8): off unless the user turns sharing on in Settings →
 * Privacy AND the build names an endpoint. What leaves the device is the least that identifies a
 * problem: the already-redacted error (name, code, message, stack), its classification, how
 * often and when, and the app version and system. Never the context, breadcrumbs, page content
 * or addresses of services.
 */

/** The endpoint a build names, if it is one reports may go to: https, or http on this computer. */
export function errorReportEndpoint(configured: string): URL | undefined {
  if (configured.trim() === '') return undefined;
  try {
    const url = new URL(configured);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.username || url.password) return undefined;
    if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url;
  } catch {
    // Not a URL: no reports.
  }
  return undefined;
}

export interface RemoteReportOptions {
  endpoint: URL;
  /** Read at send time: turning sharing off takes effect at once. */
  sharingEnabled: () => boolean;
  app: { version: string; platform: string };
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The body that is sent: exactly these fields. */
export function remoteReportBody(report: ErrorReport, app: RemoteReportOptions['app']) {
  return {
    schema: 1,
    app: { version: app.version, platform: app.platform },
    fingerprint: report.fingerprint,
    classification: report.classification,
    error: report.error,
    count: report.count,
    firstSeen: report.firstSeen,
    lastSeen: report.lastSeen,
  };
}

export function createRemoteErrorTransport(options: RemoteReportOptions): RemoteErrorTransport {
  const send = options.fetch ?? fetch;
  return async (report) => {
    if (!options.sharingEnabled()) return;
    let response: Response;
    try {
      response = await send(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(remoteReportBody(report, options.app)),
        credentials: 'omit',
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new FlowDeskError('NETWORK_ERROR_REPORT_FAILED', 'The error report was not sent.', {
        cause: error,
      });
    }
    // The answer is not read: the server has nothing to tell the app.
    await response.body?.cancel();
    if (!response.ok) {
      throw new FlowDeskError(
        'NETWORK_ERROR_REPORT_REFUSED',
        `The error report was refused (HTTP ${response.status}).`,
      );
    }
  };
}
