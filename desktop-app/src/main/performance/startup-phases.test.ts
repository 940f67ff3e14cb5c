import { describe, expect, it } from 'vitest';
import { StartupRecorder } from './startup-phases';

function memoryFile(text?: string) {
  const file = {
    text,
    read: () => file.text,
    write: (next: string) => {
      file.text = next;
    },
  };
  return file;
}

const start = Date.parse('2026-12-01T09:00:00.000Z');

describe('start-up phases', () => {
  it('records each phase once, in ms from the process start, and keeps it for next time', () => {
    const file = memoryFile();
    let now = start;
    const recorder = new StartupRecorder({ processStart: start, now: () => now, file });
    now += 412.4;
    recorder.mark('windowShown');
    now += 300;
    recorder.mark('uiInteractive');
    recorder.mark('windowShown');
    now += 900;
    recorder.mark('firstServicePainted');
    expect(recorder.launches()).toEqual([
      {
        startedAt: '2026-12-01T09:00:00.000Z',
        phases: { windowShown: 412, uiInteractive: 712, firstServicePainted: 1612 },
      },
    ]);
    const next = new StartupRecorder({
      processStart: start + 3_600_000,
      now: () => start + 3_600_500,
      file,
    });
    next.mark('windowShown');
    expect(next.launches().map((launch) => launch.phases.windowShown)).toEqual([500, 412]);
  });

  it('keeps the last launches only, and starts afresh from a damaged file', () => {
    let file = memoryFile();
    for (let launch = 0; launch < 5; launch += 1) {
      new StartupRecorder({
        processStart: start + launch,
        now: () => start + launch + 100,
        file,
        keep: 3,
      }).mark('windowShown');
    }
    const kept = new StartupRecorder({ processStart: start + 10, file, keep: 3 }).launches();
    expect(kept.map((launch) => launch.startedAt)).toEqual([
      new Date(start + 10).toISOString(),
      new Date(start + 4).toISOString(),
      new Date(start + 3).toISOString(),
    ]);
    file = memoryFile('{"version": 1, "launches": [{"startedAt": "yesterday"}]}');
    expect(new StartupRecorder({ processStart: start, file }).launches()).toHaveLength(1);
    const unwritable = {
      read: () => undefined,
      write: () => {
        throw new Error('disk full');
      },
    };
    const recorder = new StartupRecorder({
      processStart: start,
      now: () => start + 5,
      file: unwritable,
    });
    expect(() => recorder.mark('uiInteractive')).not.toThrow();
    expect(recorder.launches()[0]?.phases.uiInteractive).toBe(5);
  });
});
