import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@flowdesk/shared/monitoring';
import { RotatingFileSink } from './rotating-file-sink';

const folders: string[] = [];
afterEach(() =>
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })),
);

function folder() {
  const made = mkdtempSync(join(tmpdir(), 'flowdesk-logs-'));
  folders.push(made);
  return made;
}

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { message: string; context?: Record<string, unknown> });

describe('log files', () => {
  it('writes redacted JSON lines, in order, batched per turn', async () => {
    const directory = folder();
    const sink = new RotatingFileSink({ directory, name: 'main' });
    const log = createLogger({ sinks: [sink], component: 'main' });
    log.info('Service loaded', { url: 'https://app.slack.com/client?token=xoxb-123456789-secret' });
    log.warn('Signed in', { email: 'ada@example.com', authorization: 'Bearer abc.def.ghi' });
    log.error('Failed', { error: new Error('boom') });
    await Promise.resolve();
    const written = lines(join(directory, 'main.jsonl'));
    expect(written.map((line) => line.message)).toEqual(['Service loaded', 'Signed in', 'Failed']);
    const text = readFileSync(join(directory, 'main.jsonl'), 'utf8');
    for (const secret of ['xoxb-123456789-secret', 'ada@example.com', 'abc.def.ghi']) {
      expect(text).not.toContain(secret);
    }
  });

  it('rotates by size, newest first, keeping at most maxFiles', () => {
    const directory = folder();
    const sink = new RotatingFileSink({ directory, name: 'main', maxBytes: 400, maxFiles: 3 });
    const log = createLogger({ sinks: [sink] });
    for (let index = 0; index < 40; index += 1) {
      log.info(`line ${index}`, { padding: 'x'.repeat(60) });
      sink.flush();
    }
    expect(readdirSync(directory).sort()).toEqual([
      'main.1.jsonl',
      'main.2.jsonl',
      'main.3.jsonl',
      'main.jsonl',
    ]);
    const newest = lines(join(directory, 'main.jsonl')).map((line) => line.message);
    expect(newest.at(-1)).toBe('line 39');
    const previous = lines(join(directory, 'main.1.jsonl')).map((line) => line.message);
    expect(Number(previous.at(-1)!.split(' ')[1]) + 1).toBe(Number(newest[0]!.split(' ')[1]));
    for (const name of readdirSync(directory)) {
      expect(readFileSync(join(directory, name)).length).toBeLessThanOrEqual(400 + 200);
    }
    expect(sink.files()).toHaveLength(4);
  });

  it('removes rotated files older than the age limit, and leaves other files alone', () => {
    const directory = folder();
    writeFileSync(join(directory, 'main.1.jsonl'), '{}\n');
    writeFileSync(join(directory, 'main.2.jsonl'), '{}\n');
    writeFileSync(join(directory, 'notes.txt'), 'mine');
    const old = new Date(Date.now() - 20 * 86_400_000);
    utimesSync(join(directory, 'main.2.jsonl'), old, old);
    new RotatingFileSink({ directory, name: 'main', maxAgeDays: 14 });
    expect(readdirSync(directory).sort()).toEqual(['main.1.jsonl', 'notes.txt']);
  });

  it('starts even where the logs folder cannot be made', () => {
    const directory = folder();
    writeFileSync(join(directory, 'not-a-folder'), '');
    const sink = new RotatingFileSink({
      directory: join(directory, 'not-a-folder', 'logs'),
      name: 'main',
    });
    createLogger({ sinks: [sink] }).info('lost');
    sink.flush();
    expect(sink.failures).toBe(1);
  });

  it('keeps the app running when the file cannot be written, and counts what was lost', () => {
    const directory = folder();
    const sink = new RotatingFileSink({ directory, name: 'main' });
    // Something else took the file's place: every write fails, whoever the user is.
    mkdirSync(join(directory, 'main.jsonl'));
    const log = createLogger({ sinks: [sink] });
    log.info('one');
    log.info('two');
    expect(() => sink.flush()).not.toThrow();
    expect(sink.failures).toBe(2);
  });
});
