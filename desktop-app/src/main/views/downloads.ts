import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import type { DownloadEntry } from '@flowdesk/shared/ipc';
import type { DownloadItem } from 'electron';

/**
 * Downloads started by service pages. Files go to the downloads folder under a safe, unique name
 * (or Electron's own save dialog asks, when the user wants that); the UI sees each download's
 * progress and can cancel, pause, resume, open it or show it in its folder.
 *
 * No Node modules: the UI tests run this same manager in a browser page.
 */

/**
 * The part of Electron's DownloadItem the manager uses. The events are declared here rather than
 * picked: the picked `on`/`once` return `DownloadItem` itself, which no test double can satisfy.
 */
export interface DownloadItemLike extends Pick<
  DownloadItem,
  | 'getFilename'
  | 'getURL'
  | 'getMimeType'
  | 'getTotalBytes'
  | 'getReceivedBytes'
  | 'getState'
  | 'isPaused'
  | 'getSavePath'
  | 'setSavePath'
  | 'setSaveDialogOptions'
  | 'cancel'
  | 'pause'
  | 'resume'
  | 'canResume'
> {
  /** Progress; `interrupted` here can still be resumed. */
  on(
    event: 'updated',
    listener: (event: unknown, state: 'progressing' | 'interrupted') => void,
  ): unknown;
  /** The end: `interrupted` here cannot be resumed. */
  once(
    event: 'done',
    listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void,
  ): unknown;
}

export type { DownloadEntry };
export type DownloadState = DownloadEntry['state'];

export interface DownloadsDependencies {
  /** Where files go when the user is not asked: the OS downloads folder. */
  downloadsDirectory: () => string;
  /** Whether to ask where to save (a setting). */
  askWhereToSave: () => boolean;
  /** Gets each change: progress at most every 250 ms per download, state changes always. */
  onChange: (entry: DownloadEntry) => void;
  /** Electron's shell.openPath: resolves '' on success, otherwise an error message. */
  openPath: (path: string) => Promise<string>;
  showItemInFolder: (path: string) => void;
  fileExists: (path: string) => boolean;
  now?: () => number;
  newId?: () => string;
}

const MAX_ENTRIES = 200;
const PROGRESS_INTERVAL_MS = 250;
const MAX_URL_LENGTH = 2048;
// Leaves room for " (999)" within the 255 bytes most file systems allow in a name.
const MAX_NAME_CHARS = 200;
const MAX_NAME_BYTES = 240;
const MAX_EXTENSION_CHARS = 16;
const MAX_NUMBERED_COPIES = 999;

const FALLBACK_NAME = 'download';
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// As in shared/security/name.ts: bidi controls can make "gpj.exe" read as "exe.jpg"; zero-width
// characters make two names look alike. Joiners U+200C/U+200D stay: emoji and Persian need them.
const INVISIBLE_FORMATTING =
  /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// Half a surrogate pair cannot be written as UTF-8, which most file systems store.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const INVALID_ON_WINDOWS = /[<>:"|?*]/g;
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// Leading dots hide a file; Windows drops trailing dots and spaces itself.
const LEADING = /^[.\s]+/;
const TRAILING = /[.\s]+$/;

/**
 * A file name a page suggested, made safe to create in a folder: no path, no control or bidi
 * characters, no Windows device names, not hidden, at most 200 characters with its extension
 * kept. Never empty, and unchanged when applied again.
 */
export function safeDownloadFileName(name: string): string {
  const cleaned = name
    .replace(CONTROL, '')
    .replace(INVISIBLE_FORMATTING, '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    // Path parts are joined rather than dropped: "reports/q3.pdf" stays recognisable.
    .split(/[/\\]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('_')
    .replace(INVALID_ON_WINDOWS, '_')
    .replace(LEADING, '')
    .replace(TRAILING, '');
  const short = truncateName(cleaned);
  // Checked after cutting, which can turn "con      x.txt" into "con.txt".
  const safe = RESERVED_ON_WINDOWS.test(short) ? truncateName(`_${short}`) : short;
  return safe || FALLBACK_NAME;
}

/**
 * A path in `directory` for `fileName` that does not exist yet: "report.pdf", then
 * "report (1).pdf", "report (2).pdf"…
 */
export function uniqueDownloadPath(
  directory: string,
  fileName: string,
  exists: (path: string) => boolean,
): string {
  const name = safeDownloadFileName(fileName);
  const first = join(directory, name);
  if (!exists(first)) return first;
  const [stem, extension] = splitExtension(name);
  for (let copy = 1; copy <= MAX_NUMBERED_COPIES; copy += 1) {
    const candidate = join(directory, `${stem} (${copy})${extension}`);
    if (!exists(candidate)) return candidate;
  }
  // A folder full of copies: a random suffix, rather than overwriting one of them.
  return join(directory, `${stem} (${globalThis.crypto.randomUUID().slice(0, 8)})${extension}`);
}

/** "archive.tar.gz" → ["archive", ".tar.gz"]; no extension for ".env"-like or overlong tails. */
function splitExtension(name: string): [string, string] {
  const match = /(\.tar)?\.[^.\s]+$/i.exec(name);
  if (!match || match.index === 0 || match[0].length > MAX_EXTENSION_CHARS) return [name, ''];
  return [name.slice(0, match.index), match[0]];
}

function truncateName(name: string): string {
  if (fits(name)) return name;
  const [stem, extension] = splitExtension(name);
  let kept = '';
  // By code point, so a surrogate pair is never cut in half.
  for (const char of stem) {
    if (!fits(kept + char + extension)) break;
    kept += char;
  }
  return `${kept.replace(TRAILING, '')}${extension}`;
}

function fits(name: string): boolean {
  return (
    [...name].length <= MAX_NAME_CHARS && new TextEncoder().encode(name).length <= MAX_NAME_BYTES
  );
}

/** The address shown in the list: credentials removed, length capped (data: URLs can be huge). */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href.slice(0, MAX_URL_LENGTH);
  } catch {
    return url.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, '$1').slice(0, MAX_URL_LENGTH);
  }
}

/** "C:\Users…" or "\\server\share…": a Windows path, whose separator is the backslash. */
function isWindowsPath(path: string): boolean {
  return /^[a-z]:[\\/]|^\\\\/i.test(path);
}

function join(directory: string, name: string): string {
  const separator = isWindowsPath(directory) ? '\\' : '/';
  return `${directory.replace(/[\\/]+$/, '')}${separator}${name}`;
}

function basename(path: string): string {
  const parts = path.split(isWindowsPath(path) ? /[\\/]/ : '/');
  return parts[parts.length - 1] ?? '';
}

interface Tracked {
  entry: DownloadEntry;
  item: DownloadItemLike;
  lastReportedAt: number;
  /** The path chosen for it while in progress, so a second download of the same name gets another. */
  reservedPath: string | undefined;
}

export class DownloadManager {
  private readonly downloads = new Map<string, Tracked>();
  private readonly reservedPaths = new Set<string>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: DownloadsDependencies) {
    this.now = deps.now ?? (() => Date.now());
    this.newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  }

  /**
   * Call from the session's 'will-download' with the service id of that webContents. Stays
   * synchronous until the save path or dialog options are set: Electron shows its default dialog
   * if neither is set when the handler returns.
   */
  track(item: DownloadItemLike, serviceId: string): DownloadEntry {
    const fileName = safeDownloadFileName(item.getFilename());
    const exists = (path: string): boolean =>
      this.reservedPaths.has(path) || this.deps.fileExists(path);
    const path = uniqueDownloadPath(this.deps.downloadsDirectory(), fileName, exists);
    let reservedPath: string | undefined;
    if (this.deps.askWhereToSave()) {
      // Electron's own dialog, attached to the window; cancelling it cancels the download.
      item.setSaveDialogOptions({ defaultPath: path });
    } else {
      item.setSavePath(path);
      reservedPath = path;
      this.reservedPaths.add(path);
    }
    const now = this.now();
    const entry: DownloadEntry = {
      id: this.newId(),
      serviceId,
      // The name on disk, which may be a numbered copy.
      fileName: reservedPath === undefined ? fileName : basename(reservedPath),
      url: displayUrl(item.getURL()),
      mimeType: item.getMimeType(),
      totalBytes: 0,
      receivedBytes: 0,
      state: 'progressing',
      ...(reservedPath === undefined ? {} : { savePath: reservedPath }),
      startedAt: new Date(now).toISOString(),
    };
    const tracked: Tracked = { entry, item, lastReportedAt: now, reservedPath };
    this.readProgress(tracked);
    entry.state = item.isPaused() ? 'paused' : 'progressing';
    this.downloads.set(entry.id, tracked);
    this.prune();

    item.on('updated', (_event, state) => {
      if (tracked.entry.finishedAt !== undefined) return;
      const before = { state: tracked.entry.state, savePath: tracked.entry.savePath };
      this.readProgress(tracked);
      tracked.entry.state =
        state === 'interrupted' ? 'interrupted' : item.isPaused() ? 'paused' : 'progressing';
      const changed =
        before.state !== tracked.entry.state || before.savePath !== tracked.entry.savePath;
      this.report(tracked, changed);
    });
    item.once('done', (_event, state) => {
      this.readProgress(tracked);
      tracked.entry.state = state;
      tracked.entry.finishedAt = new Date(this.now()).toISOString();
      this.release(tracked);
      this.report(tracked, true);
      this.prune();
    });

    this.report(tracked, true);
    return { ...entry };
  }

  /** Newest first. */
  list(): DownloadEntry[] {
    return [...this.downloads.values()].reverse().map(({ entry }) => ({ ...entry }));
  }

  cancel(id: string): Result<null> {
    const found = this.active(id);
    if (!found.ok) return found;
    // The 'done' event ('cancelled') reports it.
    found.value.item.cancel();
    return ok(null);
  }

  pause(id: string): Result<null> {
    const found = this.active(id);
    if (!found.ok) return found;
    const tracked = found.value;
    if (tracked.entry.state !== 'progressing') return ok(null);
    tracked.item.pause();
    this.setState(tracked, 'paused');
    return ok(null);
  }

  resume(id: string): Result<null> {
    const found = this.active(id);
    if (!found.ok) return found;
    const tracked = found.value;
    if (tracked.entry.state === 'progressing') return ok(null);
    if (!tracked.item.canResume()) {
      return err(
        new FlowDeskError(
          'DOWNLOAD_CANNOT_RESUME',
          'This download cannot be resumed. Start it again from the page.',
        ),
      );
    }
    tracked.item.resume();
    this.setState(tracked, 'progressing');
    return ok(null);
  }

  /** Opens a completed download with the app the system uses for it. */
  async open(id: string): Promise<Result<null>> {
    const found = this.completedFile(id);
    if (!found.ok) return found;
    let failure: string;
    let cause: unknown;
    try {
      failure = await this.deps.openPath(found.value);
    } catch (thrown: unknown) {
      failure = thrown instanceof Error ? thrown.message : String(thrown);
      cause = thrown;
    }
    if (failure === '') return ok(null);
    return err(
      new FlowDeskError(
        'DOWNLOAD_OPEN_FAILED',
        'The file could not be opened. Show it in its folder and open it from there.',
        { details: { reason: failure }, cause },
      ),
    );
  }

  showInFolder(id: string): Result<null> {
    const found = this.completedFile(id);
    if (!found.ok) return found;
    this.deps.showItemInFolder(found.value);
    return ok(null);
  }

  /** Removes completed, cancelled and failed downloads from the list (not their files). */
  clearFinished(): void {
    for (const [id, { entry }] of this.downloads) {
      if (entry.finishedAt !== undefined) this.downloads.delete(id);
    }
  }

  private readProgress(tracked: Tracked): void {
    const { entry, item } = tracked;
    entry.totalBytes = Math.max(0, item.getTotalBytes());
    entry.receivedBytes = Math.max(0, item.getReceivedBytes());
    // Set by Electron once the user has picked a place in the dialog; '' before that.
    const savePath = item.getSavePath();
    if (savePath !== '' && savePath !== entry.savePath) {
      entry.savePath = savePath;
      entry.fileName = safeDownloadFileName(basename(savePath));
    }
  }

  private setState(tracked: Tracked, state: DownloadState): void {
    if (tracked.entry.state === state) return;
    tracked.entry.state = state;
    this.report(tracked, true);
  }

  private report(tracked: Tracked, always: boolean): void {
    const now = this.now();
    if (!always && now - tracked.lastReportedAt < PROGRESS_INTERVAL_MS) return;
    tracked.lastReportedAt = now;
    this.deps.onChange({ ...tracked.entry });
  }

  private release(tracked: Tracked): void {
    if (tracked.reservedPath === undefined) return;
    this.reservedPaths.delete(tracked.reservedPath);
    tracked.reservedPath = undefined;
  }

  /** Keeps the list bounded: the oldest finished downloads go first; running ones always stay. */
  private prune(): void {
    for (const [id, { entry }] of this.downloads) {
      if (this.downloads.size <= MAX_ENTRIES) return;
      if (entry.finishedAt !== undefined) this.downloads.delete(id);
    }
  }

  private find(id: string): Result<Tracked> {
    const tracked = this.downloads.get(id);
    if (tracked) return ok(tracked);
    return err(new FlowDeskError('DOWNLOAD_NOT_FOUND', 'This download is no longer in the list.'));
  }

  private active(id: string): Result<Tracked> {
    const found = this.find(id);
    if (!found.ok || found.value.entry.finishedAt === undefined) return found;
    return err(new FlowDeskError('DOWNLOAD_NOT_ACTIVE', 'This download has already finished.'));
  }

  private completedFile(id: string): Result<string> {
    const found = this.find(id);
    if (!found.ok) return found;
    const { entry } = found.value;
    if (entry.state !== 'completed') {
      return err(
        new FlowDeskError(
          'DOWNLOAD_NOT_FINISHED',
          entry.finishedAt === undefined
            ? 'This download has not finished yet. Try again when it is done.'
            : 'This download did not finish. Download the file again from the page.',
        ),
      );
    }
    if (entry.savePath === undefined || !this.deps.fileExists(entry.savePath)) {
      return err(
        new FlowDeskError(
          'DOWNLOAD_FILE_MISSING',
          'The file is no longer where it was saved. It may have been moved or deleted; download it again.',
        ),
      );
    }
    return ok(entry.savePath);
  }
}
