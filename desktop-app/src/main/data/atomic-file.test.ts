import * as fs from 'node:fs';
import type * as FileSystem from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTextFile, writeFileAtomic } from './atomic-file';

// The real file system, with fsync and open watched so the flushes can be asserted.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof FileSystem>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync), openSync: vi.fn(actual.openSync) };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'flowdesk-atomic-'));
  vi.mocked(fs.fsyncSync).mockClear();
  vi.mocked(fs.openSync).mockClear();
});
afterEach(() => {
  vi.mocked(fs.openSync).mockRestore();
  rmSync(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file behind', () => {
    const path = join(folder, 'record.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['record.json']);
  });

  it('flushes the file, then the folder that holds the rename', () => {
    writeFileAtomic(join(folder, 'record.json'), 'content');
    const flushed = vi.mocked(fs.fsyncSync).mock.calls.map(([descriptor]) => descriptor);
    expect(flushed).toHaveLength(2);
    const opened = vi.mocked(fs.openSync).mock.calls.map(([path]) => String(path));
    expect(opened.at(-1)).toBe(folder);
  });

  it('still completes the write where the folder cannot be opened to flush (Windows)', () => {
    const actualOpen = vi.mocked(fs.openSync).getMockImplementation()!;
    vi.mocked(fs.openSync).mockImplementation((path, flags, mode) => {
      if (String(path) === folder) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      return actualOpen(path, flags, mode);
    });
    const path = join(folder, 'record.json');
    expect(() => writeFileAtomic(path, 'content')).not.toThrow();
    expect(readTextFile(path)).toEqual({ kind: 'text', text: 'content' });
  });

  it('removes its temporary file when the rename fails', () => {
    const target = join(folder, 'a-folder');
    fs.mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'content')).toThrow();
    expect(readdirSync(folder)).toEqual(['a-folder']);
  });
});
