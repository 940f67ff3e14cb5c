import { z } from 'zod';

/**
 * Start-up phases of every launch (issue 8, the seed's optimizeAppStartup): from the process
 * starting to the window shown, the UI interactive and the first service page painted, in ms.
 * The last launches are kept in a small file, so the diagnostics page can show a trend.
 */

export const STARTUP_PHASES = ['windowShown', 'uiInteractive', 'firstServicePainted'] as const;
export type StartupPhase = (typeof STARTUP_PHASES)[number];

const launchSchema = z.strictObject({
  startedAt: z.iso.datetime(),
  phases: z.partialRecord(z.enum(STARTUP_PHASES), z.int().min(0).max(3_600_000)),
});
export type LaunchRecord = z.infer<typeof launchSchema>;

const historySchema = z.strictObject({
  version: z.literal(1),
  launches: z.array(launchSchema).max(100),
});

export interface StartupRecorderOptions {
  /** When the process started (performance.timeOrigin in the main process). */
  processStart: number;
  now?: () => number;
  file: { read(): string | undefined; write(text: string): void };
  /** Launches kept, this one included. Default 10. */
  keep?: number;
}

export class StartupRecorder {
  private readonly current: LaunchRecord;
  private readonly earlier: LaunchRecord[];
  private readonly now: () => number;

  constructor(private readonly options: StartupRecorderOptions) {
    this.now = options.now ?? Date.now;
    this.current = { startedAt: new Date(options.processStart).toISOString(), phases: {} };
    this.earlier = readHistory(options.file).slice(0, (options.keep ?? 10) - 1);
  }

  /** Records a phase the first time it is reached in this launch. */
  mark(phase: StartupPhase): void {
    if (this.current.phases[phase] !== undefined) return;
    this.current.phases[phase] = Math.max(0, Math.round(this.now() - this.options.processStart));
    try {
      this.options.file.write(
        `${JSON.stringify({ version: 1, launches: this.launches() }, null, 2)}\n`,
      );
    } catch {
      // Not kept this time; the figures of this launch are still shown.
    }
  }

  /** This launch first, then the earlier ones. */
  launches(): LaunchRecord[] {
    return [{ ...this.current, phases: { ...this.current.phases } }, ...this.earlier];
  }
}

function readHistory(file: StartupRecorderOptions['file']): LaunchRecord[] {
  try {
    const text = file.read();
    if (text === undefined) return [];
    const parsed = historySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.launches : [];
  } catch {
    return [];
  }
}
