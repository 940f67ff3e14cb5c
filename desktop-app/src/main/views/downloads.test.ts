import { join } from 'node:path';
import type { DownloadItem } from 'electron';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { DownloadManager, safeDownloadFileName, uniqueDownloadPath } from './downloads';
import type { DownloadEntry, DownloadItemLike, DownloadsDependencies } from './downloads';
import { FakeDownloadItem } from './fake-download-item.test-support';

const DOWNLOADS = join('/home', 'jane', 'Downloads');

function setup(overrides: Partial<DownloadsDependencies> = {}) {
  let clock = Date.parse('2026-11-24T10:00:00.000Z');
  let id = 0;
  const files = new Set<string>();
  const changes: DownloadEntry[] = [];
  const openPath = vi.fn((_path: string) => Promise.resolve(''));
  const showItemInFolder = vi.fn((_path: string) => undefined);
  let ask = false;
  const manager = new DownloadManager({
    downloadsDirectory: () => DOWNLOADS,
    askWhereToSave: () => ask,
    onChange: (entry) => changes.push(entry),
    openPath,
    showItemInFolder,
    fileExists: (path) => files.has(path),
    now: () => clock,
    newId: () => `d${++id}`,
    ...overrides,
  });
  /** Runs track() the way Electron's 'will-download' handler would. */
  const start = (item = new FakeDownloadItem(), serviceId = 's1') => {
    item.inWillDownload = true;
    const entry = manager.track(item, serviceId);
    item.inWillDownload = false;
    return { item, entry };
  };
  return {
    manager,
    files,
    changes,
    openPath,
    showItemInFolder,
    start,
    advance: (ms: number) => {
      clock += ms;
    },
    askWhereToSave: (value: boolean) => {
      ask = value;
    },
  };
}

describe('DownloadItemLike', () => {
  it('is satisfied by the real Electron DownloadItem', () => {
    expectTypeOf<DownloadItem>().toExtend<DownloadItemLike>();
  });
});

describe('safeDownloadFileName', () => {
  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\system.ini', 'Windows_system.ini'],
    ['/absolute/path.txt', 'absolute_path.txt'],
    ['CON.txt', '_CON.txt'],
    ['con', '_con'],
    ['lpt1.log', '_lpt1.log'],
    ['Aux.tar.gz', '_Aux.tar.gz'],
    ['console.txt', 'console.txt'],
    ['', 'download'],
    ['...', 'download'],
    ['   ', 'download'],
    ['\u0000\u0007', 'download'],
    ['.bashrc', 'bashrc'],
    ['..hidden', 'hidden'],
    ['re\u0000po\nrt\u0007.pdf', 'report.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['pay\u200Bpal\uFEFF.exe', 'paypal.exe'],
    ['line\u2028break.txt', 'linebreak.txt'],
    ['👩\u200D💻.png', '👩\u200D💻.png'],
    ['a<b>:c"d|e?f*.txt', 'a_b__c_d_e_f_.txt'],
    ['notes.txt. . ', 'notes.txt'],
    ['Quarterly report Q3.pdf', 'Quarterly report Q3.pdf'],
  ])('%j → %j', (name, expected) => {
    expect(safeDownloadFileName(name)).toBe(expected);
  });

  it('caps long names at 200 characters and keeps the extension', () => {
    const name = safeDownloadFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name).toBe(`${'a'.repeat(196)}.pdf`);
    expect(safeDownloadFileName(`${'b'.repeat(250)}.tar.gz`)).toBe(`${'b'.repeat(193)}.tar.gz`);
  });

  it('caps by bytes too, without splitting a character', () => {
    const cjk = safeDownloadFileName(`${'日'.repeat(150)}.pdf`);
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(240);
    expect(cjk).toBe(`${'日'.repeat(78)}.pdf`);
    const emoji = safeDownloadFileName(`${'😀'.repeat(150)}.txt`);
    expect(emoji).toBe(`${'😀'.repeat(59)}.txt`);
  });

  it('does not let cutting produce a device name or a trailing dot', () => {
    expect(safeDownloadFileName(`con${' '.repeat(250)}x.txt`)).toBe('_con.txt');
    expect(safeDownloadFileName(`${'a'.repeat(199)}. b`)).toBe('a'.repeat(199));
  });

  it('drops half surrogate pairs, which cannot be written to disk', () => {
    expect(safeDownloadFileName('\ud800x\udc00.txt')).toBe('x.txt');
    expect(safeDownloadFileName('😀.txt')).toBe('😀.txt');
  });

  it('cuts an overlong "extension" like any other text', () => {
    const name = safeDownloadFileName(`${'x'.repeat(250)}.${'y'.repeat(30)}`);
    expect(name).toBe('x'.repeat(200));
  });

  it('always gives a short, plain, non-hidden name, and is stable when applied again', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = safeDownloadFileName(raw);
        expect(name).not.toBe('');
        // eslint-disable-next-line no-control-regex -- checking for control characters
        expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u202e]/);
        expect(name.startsWith('.')).toBe(false);
        expect([...name].length).toBeLessThanOrEqual(200);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(240);
        expect(safeDownloadFileName(name)).toBe(name);
      }),
    );
  });
});

describe('uniqueDownloadPath', () => {
  const dir = join('/tmp', 'dl');

  it('uses the name as is when nothing is in the way', () => {
    expect(uniqueDownloadPath(dir, 'report.pdf', () => false)).toBe(join(dir, 'report.pdf'));
  });

  it('numbers copies before the extension', () => {
    const taken = new Set([join(dir, 'report.pdf'), join(dir, 'report (1).pdf')]);
    expect(uniqueDownloadPath(dir, 'report.pdf', (path) => taken.has(path))).toBe(
      join(dir, 'report (2).pdf'),
    );
  });

  it('keeps double extensions and names without one', () => {
    const exists = (path: string) => !path.includes('(1)');
    expect(uniqueDownloadPath(dir, 'backup.tar.gz', exists)).toBe(join(dir, 'backup (1).tar.gz'));
    expect(uniqueDownloadPath(dir, 'README', exists)).toBe(join(dir, 'README (1)'));
    expect(uniqueDownloadPath(dir, 'v1.2 notes', exists)).toBe(join(dir, 'v1.2 notes (1)'));
  });

  it('never leaves the directory, whatever the name', () => {
    expect(uniqueDownloadPath(dir, '../../.ssh/authorized_keys', () => false)).toBe(
      join(dir, 'ssh_authorized_keys'),
    );
  });

  it('falls back to a random suffix when every numbered copy exists', () => {
    const path = uniqueDownloadPath(
      dir,
      'report.pdf',
      (candidate) => !/\([0-9a-f]{8}\)/.test(candidate),
    );
    expect(path).toMatch(/report \([0-9a-f]{8}\)\.pdf$/);
    expect(path.startsWith(dir)).toBe(true);
  });
});

describe('DownloadManager.track', () => {
  it('sets a unique save path in the downloads folder inside the will-download handler', () => {
    const { start, files, changes } = setup();
    files.add(join(DOWNLOADS, 'report.pdf'));
    const { item, entry } = start();
    expect(item.savePath).toBe(join(DOWNLOADS, 'report (1).pdf'));
    expect(item.savePathSetInHandler).toBe(true);
    expect(item.saveDialogOptions).toBeUndefined();
    expect(entry).toEqual({
      id: 'd1',
      serviceId: 's1',
      // The name on disk, so the list tells the two copies apart.
      fileName: 'report (1).pdf',
      url: 'https://files.example.com/report.pdf',
      mimeType: 'application/pdf',
      totalBytes: 1000,
      receivedBytes: 0,
      state: 'progressing',
      savePath: join(DOWNLOADS, 'report (1).pdf'),
      startedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(changes).toEqual([entry]);
  });

  it('saves a page-chosen name under its sanitised form', () => {
    const { start } = setup();
    const { item, entry } = start(new FakeDownloadItem('../../etc/passwd'));
    expect(item.savePath).toBe(join(DOWNLOADS, 'etc_passwd'));
    expect(entry.fileName).toBe('etc_passwd');
  });

  it('gives two running downloads of the same name different paths', () => {
    const { start } = setup();
    const first = start();
    const second = start();
    expect(first.item.savePath).toBe(join(DOWNLOADS, 'report.pdf'));
    expect(second.item.savePath).toBe(join(DOWNLOADS, 'report (1).pdf'));
    // A cancelled download leaves no file, so its name is free again.
    first.item.finish('cancelled');
    expect(start().item.savePath).toBe(join(DOWNLOADS, 'report.pdf'));
  });

  it("lets Electron's save dialog ask, suggesting the unique path, when the setting says so", () => {
    const { start, askWhereToSave, changes } = setup();
    askWhereToSave(true);
    const { item, entry } = start();
    expect(item.saveDialogOptions).toEqual({ defaultPath: join(DOWNLOADS, 'report.pdf') });
    expect(item.savePathSetInHandler).toBeUndefined();
    expect(entry.savePath).toBeUndefined();

    // The user picks another name in the dialog; Electron then reports progress.
    item.savePath = join('/home', 'jane', 'Desktop', 'Q3.pdf');
    item.progress(0);
    expect(changes.at(-1)).toMatchObject({
      savePath: join('/home', 'jane', 'Desktop', 'Q3.pdf'),
      fileName: 'Q3.pdf',
    });
    expect(changes).toHaveLength(2);
  });

  it('uses Windows paths as Windows does, and POSIX names may hold a backslash', () => {
    const windows = setup({ downloadsDirectory: () => 'C:\\Users\\jane\\Downloads\\' });
    windows.askWhereToSave(true);
    const { item } = windows.start();
    expect(item.saveDialogOptions).toEqual({
      defaultPath: 'C:\\Users\\jane\\Downloads\\report.pdf',
    });
    item.savePath = 'D:\\Archive/2026\\Q3.pdf';
    item.progress(0);
    expect(windows.changes.at(-1)).toMatchObject({ fileName: 'Q3.pdf' });

    const posix = setup();
    posix.askWhereToSave(true);
    const chosen = posix.start().item;
    chosen.savePath = '/home/jane/odd\\name.pdf';
    chosen.progress(0);
    // The backslash is part of the name on Linux; the shown name makes it harmless.
    expect(posix.changes.at(-1)).toMatchObject({ fileName: 'odd_name.pdf' });
  });

  it('removes credentials from the address shown and caps its length', () => {
    const { start } = setup();
    const withCredentials = new FakeDownloadItem(
      'a.pdf',
      'https://jane:s3cret@files.example.com/a.pdf?x=1#top',
    );
    expect(start(withCredentials).entry.url).toBe('https://files.example.com/a.pdf?x=1#top');

    const huge = `data:text/plain;base64,${'A'.repeat(10_000)}`;
    expect(start(new FakeDownloadItem('b.txt', huge)).entry.url).toBe(huge.slice(0, 2048));

    const unparsable = new FakeDownloadItem('c.txt', 'weird://jane:pw@host name/c.txt');
    expect(start(unparsable).entry.url).toBe('weird://host name/c.txt');
  });

  it('works without injected clock and ids', () => {
    const manager = new DownloadManager({
      downloadsDirectory: () => DOWNLOADS,
      askWhereToSave: () => false,
      onChange: () => undefined,
      openPath: () => Promise.resolve(''),
      showItemInFolder: () => undefined,
      fileExists: () => false,
    });
    const entry = manager.track(new FakeDownloadItem(), 's1');
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(entry.startedAt))).toBe(false);
  });
});

describe('DownloadManager progress', () => {
  it('reports progress at most every 250 ms but state changes at once', () => {
    const { start, changes, advance } = setup();
    const { item } = start();
    advance(100);
    item.progress(100); // too soon after the start
    advance(150);
    item.progress(250); // 250 ms since the last report
    advance(100);
    item.progress(300); // too soon
    advance(10);
    item.paused = true;
    item.progress(300); // paused: a state change
    advance(10);
    item.finish('completed');
    expect(changes.map(({ state, receivedBytes }) => [state, receivedBytes])).toEqual([
      ['progressing', 0],
      ['progressing', 250],
      ['paused', 300],
      ['completed', 1000],
    ]);
  });

  it('records how each download ends', () => {
    const { start, manager, advance } = setup();
    const completed = start(new FakeDownloadItem('a.pdf'));
    const cancelled = start(new FakeDownloadItem('b.pdf'));
    const failed = start(new FakeDownloadItem('c.pdf'));
    advance(5_000);
    completed.item.finish('completed');
    cancelled.item.receivedBytes = 10;
    cancelled.item.finish('cancelled');
    failed.item.receivedBytes = 20;
    failed.item.finish('interrupted');
    expect(
      manager.list().map(({ fileName, state, receivedBytes, finishedAt }) => ({
        fileName,
        state,
        receivedBytes,
        finishedAt,
      })),
    ).toEqual([
      {
        fileName: 'c.pdf',
        state: 'interrupted',
        receivedBytes: 20,
        finishedAt: '2026-11-24T10:00:05.000Z',
      },
      {
        fileName: 'b.pdf',
        state: 'cancelled',
        receivedBytes: 10,
        finishedAt: '2026-11-24T10:00:05.000Z',
      },
      {
        fileName: 'a.pdf',
        state: 'completed',
        receivedBytes: 1000,
        finishedAt: '2026-11-24T10:00:05.000Z',
      },
    ]);
  });

  it('shows a resumable interruption and ignores updates after the end', () => {
    const { start, manager, changes } = setup();
    const { item, entry } = start();
    item.progress(400, 'interrupted');
    expect(manager.list()[0]).toMatchObject({ state: 'interrupted', receivedBytes: 400 });
    expect(manager.list()[0]!.finishedAt).toBeUndefined();
    expect(manager.resume(entry.id)).toEqual({ ok: true, value: null });
    expect(item.calls).toEqual(['resume']);
    item.finish('completed');
    const reported = changes.length;
    item.progress(1, 'interrupted');
    expect(changes).toHaveLength(reported);
    expect(manager.list()[0]!.state).toBe('completed');
  });
});

describe('DownloadManager actions', () => {
  it('pauses, resumes and cancels the item, reporting the new state', () => {
    const { start, manager, changes } = setup();
    const { item, entry } = start();
    expect(manager.pause(entry.id)).toEqual({ ok: true, value: null });
    expect(manager.pause(entry.id)).toEqual({ ok: true, value: null });
    expect(item.calls).toEqual(['pause']);
    expect(changes.at(-1)!.state).toBe('paused');

    expect(manager.resume(entry.id)).toEqual({ ok: true, value: null });
    expect(manager.resume(entry.id)).toEqual({ ok: true, value: null });
    expect(item.calls).toEqual(['pause', 'resume']);
    expect(changes.at(-1)!.state).toBe('progressing');

    expect(manager.cancel(entry.id)).toEqual({ ok: true, value: null });
    expect(item.calls).toEqual(['pause', 'resume', 'cancel']);
    // Electron's 'done' event says how it ended.
    expect(changes.at(-1)).toMatchObject({ state: 'cancelled' });
    expect(changes.at(-1)!.finishedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('says when a paused download cannot resume', () => {
    const { start, manager } = setup();
    const { item, entry } = start();
    manager.pause(entry.id);
    item.resumable = false;
    expect(manager.resume(entry.id)).toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_CANNOT_RESUME' },
    });
    expect(item.calls).toEqual(['pause']);
  });

  it('refuses to act on finished or unknown downloads', () => {
    const { start, manager } = setup();
    const { item, entry } = start();
    item.finish('completed');
    for (const result of [
      manager.cancel(entry.id),
      manager.pause(entry.id),
      manager.resume(entry.id),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_NOT_ACTIVE' } });
    }
    expect(item.calls).toEqual([]);
    const unknown = manager.cancel('nope');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('DOWNLOAD_NOT_FOUND');
      expect(unknown.error.message).toBe('This download is no longer in the list.');
    }
  });

  it('opens a completed download that is still on disk', async () => {
    const { start, manager, files, openPath } = setup();
    const { item, entry } = start();
    item.finish('completed');
    files.add(item.savePath);
    await expect(manager.open(entry.id)).resolves.toEqual({ ok: true, value: null });
    expect(openPath).toHaveBeenCalledWith(join(DOWNLOADS, 'report.pdf'));
  });

  it('explains why a download cannot be opened', async () => {
    const { start, manager, files, openPath } = setup();
    const running = start(new FakeDownloadItem('a.pdf'));
    const notYet = await manager.open(running.entry.id);
    expect(notYet).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_NOT_FINISHED' } });
    expect(!notYet.ok && notYet.error.message).toMatch(/not finished yet/);

    const cancelled = start(new FakeDownloadItem('b.pdf'));
    cancelled.item.finish('cancelled');
    const failed = await manager.open(cancelled.entry.id);
    expect(failed).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_NOT_FINISHED' } });
    expect(!failed.ok && failed.error.message).toMatch(/download the file again/i);

    const deleted = start(new FakeDownloadItem('c.pdf'));
    deleted.item.finish('completed');
    await expect(manager.open(deleted.entry.id)).resolves.toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_FILE_MISSING' },
    });

    await expect(manager.open('nope')).resolves.toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_NOT_FOUND' },
    });
    expect(openPath).not.toHaveBeenCalled();

    files.add(deleted.item.savePath);
    openPath.mockResolvedValueOnce('No application is associated with this file.');
    await expect(manager.open(deleted.entry.id)).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'DOWNLOAD_OPEN_FAILED',
        details: { reason: 'No application is associated with this file.' },
      },
    });
    openPath.mockRejectedValueOnce(new Error('spawn failed'));
    await expect(manager.open(deleted.entry.id)).resolves.toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_OPEN_FAILED', details: { reason: 'spawn failed' } },
    });
  });

  it('shows a completed download in its folder, or says why not', () => {
    const { start, manager, files, showItemInFolder } = setup();
    const { item, entry } = start();
    expect(manager.showInFolder(entry.id)).toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_NOT_FINISHED' },
    });
    item.finish('completed');
    expect(manager.showInFolder(entry.id)).toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_FILE_MISSING' },
    });
    files.add(item.savePath);
    expect(manager.showInFolder(entry.id)).toEqual({ ok: true, value: null });
    expect(showItemInFolder).toHaveBeenCalledExactlyOnceWith(join(DOWNLOADS, 'report.pdf'));
    expect(manager.showInFolder('nope')).toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_NOT_FOUND' },
    });
  });
});

describe('DownloadManager.list', () => {
  it('lists newest first, as copies the caller cannot change', () => {
    const { start, manager } = setup();
    start(new FakeDownloadItem('a.pdf'));
    start(new FakeDownloadItem('b.pdf'));
    const listed = manager.list();
    expect(listed.map((entry) => entry.fileName)).toEqual(['b.pdf', 'a.pdf']);
    listed[0]!.state = 'cancelled';
    expect(manager.list()[0]!.state).toBe('progressing');
  });

  it('keeps at most 200, dropping the oldest finished ones but never a running one', () => {
    const { start, manager } = setup();
    const started = Array.from({ length: 205 }, (_, index) =>
      start(new FakeDownloadItem(`file-${index}.bin`)),
    );
    expect(manager.list()).toHaveLength(205);
    for (const { item } of started.slice(1, 11)) item.finish('completed');
    const listed = manager.list();
    expect(listed).toHaveLength(200);
    const names = new Set(listed.map((entry) => entry.fileName));
    expect(names.has('file-0.bin')).toBe(true);
    for (let index = 1; index <= 5; index += 1) expect(names.has(`file-${index}.bin`)).toBe(false);
    for (let index = 6; index <= 10; index += 1) expect(names.has(`file-${index}.bin`)).toBe(true);

    start(new FakeDownloadItem('newest.bin'));
    expect(manager.list()).toHaveLength(200);
    expect(manager.list()[0]!.fileName).toBe('newest.bin');
    expect(manager.list().some((entry) => entry.fileName === 'file-6.bin')).toBe(false);
  });

  it('clears finished downloads and keeps running ones', () => {
    const { start, manager } = setup();
    start(new FakeDownloadItem('running.pdf'));
    start(new FakeDownloadItem('done.pdf')).item.finish('completed');
    start(new FakeDownloadItem('failed.pdf')).item.finish('interrupted');
    manager.clearFinished();
    expect(manager.list().map((entry) => entry.fileName)).toEqual(['running.pdf']);
  });
});
