import { redactString } from '@flowdesk/shared/monitoring';

/** One file of the diagnostics archive, already redacted. */
export interface DiagnosticsFile {
  name: string;
  text: string;
}

export interface DiagnosticsFilePreview {
  name: string;
  bytes: number;
  /** The first lines, so the user sees what kind of thing each file holds before saving. */
  preview: string;
}

/**
 * What goes into the archive: each part is data the app already has, gathered by the caller.
 * Never workspace or service names, addresses, page content or cookies: a support archive
 * needs the shape of the problem, not the user's data.
 */
export interface DiagnosticsSources {
  system: () => Record<string, unknown>;
  health: () => Promise<unknown>;
  errors: () => unknown;
  startup: () => unknown;
  serviceUsage: () => unknown;
  metrics: () => unknown;
  /** The tail of the log files, newest last. */
  logs: () => string;
}

const PREVIEW_CHARS = 1500;
const PREVIEW_LINES = 12;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Gathers the archive's files. Every text goes through the shared redaction once more, on top
 * of the redaction its source did: defence in depth for a file that leaves the computer.
 */
export async function gatherDiagnostics(sources: DiagnosticsSources): Promise<DiagnosticsFile[]> {
  const files: DiagnosticsFile[] = [
    { name: 'system.json', text: json(sources.system()) },
    { name: 'health.json', text: json(await sources.health()) },
    { name: 'errors.json', text: json(sources.errors()) },
    { name: 'startup.json', text: json(sources.startup()) },
    { name: 'service-usage.json', text: json(sources.serviceUsage()) },
    { name: 'metrics.json', text: json(sources.metrics()) },
    { name: 'logs/main.jsonl', text: sources.logs() },
  ];
  return files.map((file) => ({ name: file.name, text: redactLines(file.text) }));
}

/** Line by line: the redaction bounds each string, and a log file is many short lines. */
function redactLines(text: string): string {
  return text
    .split('\n')
    .map((line) => redactString(line))
    .join('\n');
}

export function previewDiagnostics(files: readonly DiagnosticsFile[]): DiagnosticsFilePreview[] {
  return files.map((file) => ({
    name: file.name,
    bytes: new TextEncoder().encode(file.text).length,
    preview: file.text.split('\n').slice(0, PREVIEW_LINES).join('\n').slice(0, PREVIEW_CHARS),
  }));
}

/** The last `maxBytes` of a log file's text, cut at a line start. */
export function tailLines(text: string, maxBytes: number): string {
  if (text.length <= maxBytes) return text;
  const cut = text.slice(text.length - maxBytes);
  const newline = cut.indexOf('\n');
  return newline === -1 ? cut : cut.slice(newline + 1);
}
