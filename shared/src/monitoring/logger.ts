import { z } from 'zod';
import { redactError, redactString, redactValue } from './redact';
import type { RedactedError } from './redact';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const logLevelSchema = z.enum(LOG_LEVELS);

export type LogContext = Record<string, unknown>;

/** One structured, already-redacted log line. */
export interface LogRecord {
  time: string;
  level: LogLevel;
  component: string;
  message: string;
  context?: Record<string, unknown>;
  error?: RedactedError;
}

export interface LogSink {
  write(record: LogRecord): void;
}

export interface Logger {
  trace(message: string, context?: LogContext): void;
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  /** Put the error under `context.error`; it is recorded as name, code, message and stack. */
  error(message: string, context?: LogContext): void;
  fatal(message: string, context?: LogContext): void;
  log(level: LogLevel, message: string, context?: LogContext): void;
  /** A logger for a part of the app: `logger.child('views')`, or with fixed context fields. */
  child(component: string, bindings?: LogContext): Logger;
  isLevelEnabled(level: LogLevel): boolean;
  /** How many records a sink failed to take since start (sinks never break callers). */
  readonly sinkFailures: number;
}

export interface LoggerOptions {
  level?: LogLevel;
  sinks: readonly LogSink[];
  component?: string;
  bindings?: LogContext;
  now?: () => Date;
}

export function levelValue(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

interface SharedState {
  threshold: number;
  sinks: readonly LogSink[];
  now: () => Date;
  sinkFailures: number;
}

/**
 * A structured logger. Every record is redacted (see redact.ts) before any sink sees it, so a
 * token in an error message cannot reach a file. A throwing sink is skipped and counted.
 */
export function createLogger(options: LoggerOptions): Logger {
  const state: SharedState = {
    threshold: levelValue(options.level ?? 'info'),
    sinks: options.sinks,
    now: options.now ?? (() => new Date()),
    sinkFailures: 0,
  };
  return makeLogger(state, options.component ?? 'app', options.bindings ?? {});
}

function makeLogger(state: SharedState, component: string, bindings: LogContext): Logger {
  const write = (level: LogLevel, message: string, context?: LogContext) => {
    if (levelValue(level) < state.threshold) return;
    const record = buildRecord(state.now(), level, component, message, { ...bindings, ...context });
    for (const sink of state.sinks) {
      try {
        sink.write(record);
      } catch {
        state.sinkFailures += 1;
      }
    }
  };
  return {
    trace: (message, context) => write('trace', message, context),
    debug: (message, context) => write('debug', message, context),
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
    fatal: (message, context) => write('fatal', message, context),
    log: (level, message, context) =>
      write(logLevelSchema.catch('info').parse(level), message, context),
    child: (childComponent, childBindings = {}) =>
      makeLogger(state, `${component}.${childComponent}`, { ...bindings, ...childBindings }),
    isLevelEnabled: (level) => levelValue(level) >= state.threshold,
    get sinkFailures() {
      return state.sinkFailures;
    },
  };
}

function buildRecord(
  time: Date,
  level: LogLevel,
  component: string,
  message: unknown,
  context: LogContext,
): LogRecord {
  const record: LogRecord = {
    time: time.toISOString(),
    level,
    component,
    message: redactString(typeof message === 'string' ? message : String(message)),
  };
  const { error, ...rest } = context;
  if (error instanceof Error) record.error = redactError(error);
  else if (error !== undefined) rest.error = error;
  if (Object.keys(rest).length > 0) record.context = redactValue(rest) as Record<string, unknown>;
  return record;
}

/** One JSON line per record, for log files. */
export function formatLogLine(record: LogRecord): string {
  return JSON.stringify(record);
}

/** Keeps the last `capacity` records in memory, for the diagnostics report. */
export class RingBufferSink implements LogSink {
  private readonly buffer: LogRecord[] = [];

  constructor(readonly capacity = 1000) {}

  write(record: LogRecord): void {
    this.buffer.push(record);
    if (this.buffer.length > this.capacity)
      this.buffer.splice(0, this.buffer.length - this.capacity);
  }

  records(): LogRecord[] {
    return [...this.buffer];
  }

  clear(): void {
    this.buffer.length = 0;
  }
}

/** The part of `console` a ConsoleSink uses; injected so tests and other runtimes can supply it. */
export interface ConsoleLike {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

/** Writes one JSON line per record to a console: warnings and worse to its error streams. */
export class ConsoleSink implements LogSink {
  constructor(private readonly target: ConsoleLike) {}

  write(record: LogRecord): void {
    const line = formatLogLine(record);
    if (record.level === 'warn') this.target.warn(line);
    else if (levelValue(record.level) >= levelValue('error')) this.target.error(line);
    else this.target.log(line);
  }
}
