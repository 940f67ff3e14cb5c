import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDiagnosticsArchive } from './diagnostics-archive';
import { gatherDiagnostics, previewDiagnostics, tailLines } from './diagnostics-files';
import type { DiagnosticsSources } from './diagnostics-files';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true })));

/** Real-looking secrets in every source: none may reach the archive. */
const SECRETS = [
  'jane.doe@example.com',
  'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  'xoxb-1234567890-abcdefghij',
  'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1c2VyXzEyMyJ9.c2lnbmF0dXJl',
  'sk_live_51HxYzAbCdEf0123',
  'hunter2',
  '/home/jane',
];

function sources(): DiagnosticsSources {
  return {
    system: () => ({
      version: '1.0.0',
      home: '/home/jane/.config/Flow Desk',
      user: 'jane.doe@example.com',
    }),
    health: () =>
      Promise.resolve({
        status: 'degraded',
        message: 'Sign-in failed with Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      }),
    errors: () => [
      { message: 'GET https://app.slack.com/api?token=xoxb-1234567890-abcdefghij failed' },
    ],
    startup: () => [{ phases: { windowShown: 420 } }],
    serviceUsage: () => [{ serviceId: 's1', memoryMb: 410 }],
    metrics: () => [{ at: 1, values: { 'errors.captured': 2 } }],
    logs: () =>
      [
        '{"message":"token eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1c2VyXzEyMyJ9.c2lnbmF0dXJl"}',
        '{"message":"key sk_live_51HxYzAbCdEf0123 password=hunter2"}',
      ].join('\n'),
  };
}

describe('diagnostics export', () => {
  it('gathers the files with every secret redacted, and previews each', async () => {
    const files = await gatherDiagnostics(sources());
    expect(files.map((file) => file.name)).toEqual([
      'system.json',
      'health.json',
      'errors.json',
      'startup.json',
      'service-usage.json',
      'metrics.json',
      'logs/main.jsonl',
    ]);
    const everything = files.map((file) => file.text).join('\n');
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    expect(everything).toContain('"windowShown": 420');

    const preview = previewDiagnostics(files);
    expect(preview[0]).toMatchObject({
      name: 'system.json',
      bytes: Buffer.byteLength(files[0]!.text),
    });
    expect(preview[0]!.preview).toContain('"version": "1.0.0"');
    expect(preview.every((file) => file.preview.length <= 1500)).toBe(true);
  });

  it('writes a .tar.gz that tar can read, and leaves nothing when the save fails', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flowdesk-diag-'));
    folders.push(folder);
    const files = await gatherDiagnostics(sources());
    const archive = join(folder, 'diagnostics.tar.gz');
    await writeDiagnosticsArchive(files, archive, new Date('2026-11-24T10:00:00Z'));
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toContain('flowdesk-diagnostics/logs/main.jsonl');
    const system = execFileSync('tar', ['-xzOf', archive, 'flowdesk-diagnostics/system.json'], {
      encoding: 'utf8',
    });
    expect(system).toBe(files[0]!.text);

    await expect(
      writeDiagnosticsArchive(files, join(folder, 'missing', 'x.tar.gz')),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(folder)).toEqual(['diagnostics.tar.gz']);
    expect(readFileSync(archive).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('keeps the tail of a log, starting at a whole line', () => {
    expect(tailLines('one\ntwo\nthree\n', 100)).toBe('one\ntwo\nthree\n');
    expect(tailLines('one\ntwo\nthree\n', 9)).toBe('three\n');
  });
});
