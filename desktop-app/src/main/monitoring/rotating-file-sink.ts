import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLogLine } from '@flowdesk/shared/monitoring';
import type { LogRecord, LogSink } from '@flowdesk/shared/monitoring';

/**
 * Log records as JSON lines in the logs folder (issue 8): `main.jsonl`, rotated by size to
 * `main.1.jsonl`, `main.2.jsonl`… (newest first), at most `maxFiles` of them, and none older than
 * `maxAgeDays`. Records arrive already redacted by the shared logger. Lines written in one turn
 * of the event loop go to disk together; `flush()` writes at once (before a crash exit).
 */

export interface RotatingFileSinkOptions {
  directory: string;
  /** The file's base name: `main` gives main.jsonl. */
  name: string;
  /** The size at which the file is rotated. Default 5 MiB. */
  maxBytes?: number;
  /** Rotated files kept. Default 5. */
  maxFiles?: number;
  /** Rotated files older than this are removed. Default 14. */
  maxAgeDays?: number;
  now?: () => Date;
}

const DAY_MS = 86_400_000;

export class RotatingFileSink implements LogSink {
  private readonly path: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly maxAgeMs: number;
  private readonly now: () => Date;
  private pending: string[] = [];
  private scheduled = false;
  private size: number;
  /** Lines that could not be written (disk full, folder gone); the app keeps running. */
  failures = 0;

  constructor(private readonly options: RotatingFileSinkOptions) {
    this.path = join(options.directory, `${options.name}.jsonl`);
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxFiles = options.maxFiles ?? 5;
    this.maxAgeMs = (options.maxAgeDays ?? 14) * DAY_MS;
    this.now = options.now ?? (() => new Date());
    try {
      mkdirSync(options.directory, { recursive: true, mode: 0o700 });
      this.pruneOld();
    } catch {
      // An unwritable logs folder must not stop the app: writes fail and are counted.
    }
    this.size = Math.max(0, sizeOf(this.path));
  }

  write(record: LogRecord): void {
    this.pending.push(`${formatLogLine(record)}\n`);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  /** Writes what is waiting now. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    const lines = this.pending.length;
    this.pending = [];
    try {
      const bytes = Buffer.byteLength(text);
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      appendFileSync(this.path, text, { mode: 0o600 });
      this.size += bytes;
    } catch {
      this.failures += lines;
    }
  }

  /** The log files, newest first (for the diagnostics export). */
  files(): string[] {
    return [this.path, ...this.rotated().map((file) => file.path)].filter(
      (path) => sizeOf(path) >= 0,
    );
  }

  private rotate(): void {
    // main.4 → main.5 (dropped past maxFiles), …, main → main.1.
    for (let index = this.maxFiles; index >= 1; index -= 1) {
      const from = index === 1 ? this.path : this.numbered(index - 1);
      const to = this.numbered(index);
      if (sizeOf(from) < 0) continue;
      if (index === this.maxFiles) rmSync(to, { force: true });
      renameSync(from, to);
    }
    this.size = 0;
    this.pruneOld();
  }

  private pruneOld(): void {
    const oldest = this.now().getTime() - this.maxAgeMs;
    for (const file of this.rotated()) {
      if (file.index > this.maxFiles || file.mtimeMs < oldest) rmSync(file.path, { force: true });
    }
  }

  private rotated(): { path: string; index: number; mtimeMs: number }[] {
    const pattern = new RegExp(`^${escapeRegExp(this.options.name)}\\.(\\d+)\\.jsonl$`);
    let names: string[];
    try {
      names = readdirSync(this.options.directory);
    } catch {
      return [];
    }
    return names
      .map((name) => ({ name, match: pattern.exec(name) }))
      .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
      .map(({ name, match }) => {
        const path = join(this.options.directory, name);
        return { path, index: Number(match[1]), mtimeMs: mtimeOf(path) };
      })
      .sort((a, b) => a.index - b.index);
  }

  private numbered(index: number): string {
    return join(this.options.directory, `${this.options.name}.${index}.jsonl`);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
