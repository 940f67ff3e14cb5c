import { z } from 'zod';
import { errorReportSchema } from '@flowdesk/shared/monitoring';
import type { ErrorReport, LocalErrorTracker } from '@flowdesk/shared/monitoring';

/** A file the history is kept in (data/errors.json); injected so tests need no disk. */
export interface ErrorHistoryFile {
  read(): string | undefined;
  write(text: string): void;
}

const MAX_FILE_CHARS = 8 * 1024 * 1024;
const fileSchema = z.strictObject({ version: z.literal(1), reports: z.array(z.unknown()) });

export interface LoadedHistory {
  restored: number;
  /** Reports that did not pass the schema (a damaged or hand-edited file): left out. */
  dropped: number;
  /** The file was there but unreadable as a whole: the history starts empty. */
  unreadable: boolean;
}

/**
 * Keeps the local error groups across restarts: loaded at start (each report checked on its
 * own, so one bad entry costs only itself), saved a moment after each change, and at once on
 * flush (quit, an uncaught exception). Saving never throws into error capture.
 */
export class ErrorHistory {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private failures = 0;

  constructor(
    private readonly tracker: LocalErrorTracker,
    private readonly file: ErrorHistoryFile,
    private readonly delayMs = 2000,
  ) {}

  load(): LoadedHistory {
    let text: string | undefined;
    try {
      text = this.file.read();
    } catch {
      return { restored: 0, dropped: 0, unreadable: true };
    }
    if (text === undefined) return this.watch({ restored: 0, dropped: 0, unreadable: false });
    let parsed: z.infer<typeof fileSchema> | undefined;
    if (text.length <= MAX_FILE_CHARS) {
      try {
        const result = fileSchema.safeParse(JSON.parse(text));
        if (result.success) parsed = result.data;
      } catch {
        // Not JSON: treated like any other damage below.
      }
    }
    if (!parsed) return this.watch({ restored: 0, dropped: 0, unreadable: true });
    const reports: ErrorReport[] = [];
    for (const candidate of parsed.reports) {
      const report = errorReportSchema.safeParse(candidate);
      if (report.success) reports.push(report.data);
    }
    this.tracker.restore(reports);
    return this.watch({
      restored: reports.length,
      dropped: parsed.reports.length - reports.length,
      unreadable: false,
    });
  }

  /** Writes pending changes now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      this.file.write(
        `${JSON.stringify({ version: 1, reports: this.tracker.list().reverse() })}\n`,
      );
    } catch {
      // Counted and retried with the next change: a full disk must not break error capture.
      this.failures += 1;
      this.dirty = true;
    }
  }

  /** Saves that failed since start (shown by the health check of the store). */
  get writeFailures(): number {
    return this.failures;
  }

  private watch(loaded: LoadedHistory): LoadedHistory {
    this.tracker.onChange(() => {
      this.dirty = true;
      if (this.timer !== undefined) return;
      this.timer = setTimeout(() => this.flush(), this.delayMs);
      this.timer.unref?.();
    });
    return loaded;
  }
}
