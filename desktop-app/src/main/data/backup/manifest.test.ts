import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { changedSince, readManifest } from './manifest';

const file = { name: 'sessions/ws-w1/files/Local Storage/leveldb/000003.log', size: 10, mtime: 5 };

describe('backup manifest', () => {
  it('stores a file again when its size or time changed, or the parent lacks it', () => {
    const parent = new Map([[file.name, file]]);
    expect(changedSince(parent, file)).toBe(false);
    expect(changedSince(parent, { ...file, size: 11 })).toBe(true);
    expect(changedSince(parent, { ...file, mtime: 6 })).toBe(true);
    expect(changedSince(parent, { ...file, name: 'sessions/ws-w1/files/other' })).toBe(true);
    expect(changedSince(undefined, file)).toBe(true);
  });

  it('reads a valid manifest and refuses anything else', async () => {
    const read = (text: string) => readManifest(Readable.from([Buffer.from(text)]));
    expect(await read(JSON.stringify({ files: [file] }))).toEqual({ files: [file] });
    await expect(read('{not json')).rejects.toMatchObject({ code: 'BACKUP_CONTENT_INVALID' });
    await expect(
      read(JSON.stringify({ files: [{ ...file, name: '../../etc/passwd' }] })),
    ).rejects.toMatchObject({ code: 'BACKUP_CONTENT_INVALID' });
  });
});
