import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowDeskError } from '@flowdesk/shared/core';
import { countCrashDumps, startAppMonitoring } from './app-monitoring';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((task) => task()));

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-monitoring-'));
  cleanup.push(() => rmSync(root, { recursive: true }));
  return { dataDirectory: join(root, 'data'), logsDirectory: join(root, 'logs'), root };
}

describe('startAppMonitoring', () => {
  it('keeps error groups and metrics across a restart, and logs to a JSON-lines file', () => {
    const paths = folders();
    mkdirSync(paths.dataDirectory);
    const first = startAppMonitoring({ ...paths, console: false });
    first.monitoring.logger.info('Flow Desk started');
    void first.monitoring.captureException(new FlowDeskError('STORE_WRITE_FAILED', 'Disk full'));
    first.monitoring.recordMetric('views.live', 4);
    first.sampleMetrics(Date.now());
    first.flush();
    const log = readFileSync(join(paths.logsDirectory, 'main.jsonl'), 'utf8');
    expect(log).toMatch(/"message":"Flow Desk started"/);

    const second = startAppMonitoring({ ...paths, console: false });
    // A save before the history was read (it is read lazily) must not drop the earlier samples.
    second.flush();
    expect(readFileSync(join(paths.dataDirectory, 'metrics.json'), 'utf8')).toMatch(/views\.live/);
    expect(second.loadedErrors).toEqual({ restored: 1, dropped: 0, unreadable: false });
    const [report] = second.monitoring.errors.list();
    expect(report?.classification.code).toBe('STORE_WRITE_FAILED');
    expect(report?.breadcrumbs.map((crumb) => crumb.message)).toContain('Flow Desk started');
    expect(second.metricsHistory.series('views.live').map((point) => point.value)).toEqual([4]);
    // Without an endpoint, nothing can leave: the config says local only.
    expect(second.config.errorTracking.localOnly).toBe(true);
  });

  it('sends serious errors only when opted in, and stops for a while when the collector fails', async () => {
    const paths = folders();
    mkdirSync(paths.dataDirectory);
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    let sharing = false;
    const app = startAppMonitoring({
      ...paths,
      console: false,
      errorReports: {
        endpoint: new URL(`http://127.0.0.1:${port}/`),
        sharingEnabled: () => sharing,
        app: { version: '1.0.0', platform: 'linux' },
      },
    });
    const serious = () =>
      app.monitoring.captureException(new FlowDeskError('STORE_CORRUPT', 'Damaged store'));
    await serious();
    expect(requests).toBe(0);

    sharing = true;
    await serious();
    // Different problem, to pass the one-alert-a-minute limit.
    await app.monitoring.captureException(new FlowDeskError('MIGRATION_FAILED', 'Broken'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first send was refused (503): reports are now off, the second was never sent.
    expect(requests).toBe(1);
    expect(app.degradation.isFeatureAvailable('remote-error-reports')).toBe(false);
    expect(app.monitoring.errors.list().map((report) => report.classification.code)).toContain(
      'NETWORK_ERROR_REPORT_REFUSED',
    );
  });

  it('starts with an empty history from damaged files instead of failing', () => {
    const paths = folders();
    mkdirSync(paths.dataDirectory);
    writeFileSync(join(paths.dataDirectory, 'errors.json'), '{damaged');
    writeFileSync(join(paths.dataDirectory, 'metrics.json'), '[{"at":"x"}, 7');
    const app = startAppMonitoring({ ...paths, console: false });
    expect(app.loadedErrors.unreadable).toBe(true);
    expect(app.metricsHistory.size).toBe(0);
  });
});

describe('countCrashDumps', () => {
  it('counts the non-empty minidumps Crashpad kept, in its subfolders', () => {
    const { root } = folders();
    mkdirSync(join(root, 'Crashpad', 'completed'), { recursive: true });
    mkdirSync(join(root, 'Crashpad', 'pending'), { recursive: true });
    writeFileSync(join(root, 'Crashpad', 'completed', 'a.dmp'), 'MDMP');
    writeFileSync(join(root, 'Crashpad', 'pending', 'b.dmp'), 'MDMP');
    writeFileSync(join(root, 'Crashpad', 'pending', 'empty.dmp'), '');
    writeFileSync(join(root, 'Crashpad', 'settings.dat'), 'x');
    expect(countCrashDumps(join(root, 'Crashpad'))).toBe(2);
    expect(countCrashDumps(join(root, 'missing'))).toBe(0);
  });
});
