import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { pack as createPack } from 'tar-stream';
import type { BackupMetadata } from '@flowdesk/shared/workspace';
import {
  BACKUP_KDF,
  checkPassphrase,
  keyFor,
  createPayloadCipher,
  deriveKey,
  newDeviceKeyEncryption,
  newPassphraseEncryption,
} from './crypto';
import type { DeviceKeyStore } from './crypto';
import { MemoryDeviceKeys } from './memory-device-keys.test-support';
import { authenticatedHeaderData, canonicalJson, encodeHeader, headerCapacityFor } from './format';
import { isSafeEntryName } from './paths';
import { readBackup, readBackupMetadata } from './reader';
import type { BackupEntryInfo } from './reader';
import { writeBackup, writeFailure } from './writer';
import type { BackupEntrySource, BackupMetadataDraft } from './writer';

const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function workDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-backup-'));
  directories.push(directory);
  return directory;
}

const PASSPHRASE = 'correct horse battery staple';

function draft(overrides: Partial<BackupMetadataDraft> = {}): BackupMetadataDraft {
  return {
    format: 'flowdesk-backup',
    formatVersion: 1,
    id: 'b1',
    timestamp: '2026-12-01T10:00:00.000Z',
    version: '0.1.0',
    type: 'full',
    encryption: { method: 'none' },
    compression: 'gzip',
    retentionPolicy: 'keep-7',
    workspaceCount: 1,
    serviceCount: 2,
    includesBrowserSessions: false,
    storeSchemaVersion: 1,
    ...overrides,
  };
}

const files: Record<string, Buffer> = {
  'store/workspaces.json': Buffer.from(JSON.stringify({ workspaces: [{ id: 'w1' }] })),
  'sessions/persist_svc-s1/Local Storage/leveldb/000003.log': randomBytes(200_000),
  'sessions/persist_svc-s1/IndexedDB/db.sqlite': Buffer.alloc(0),
};

function entries(): BackupEntrySource[] {
  return Object.entries(files).map(([name, content], index) => ({
    name,
    size: content.length,
    // One streamed, the others given whole.
    open: () =>
      index === 1 ? Readable.from([content.subarray(0, 1000), content.subarray(1000)]) : content,
  }));
}

async function collect(
  path: string,
  source: { passphrase?: string; deviceKeys?: DeviceKeyStore } = {},
) {
  const contents = new Map<string, Buffer>();
  const result = await readBackup({
    path,
    ...source,
    onEntry: async (entry: BackupEntryInfo, content) => {
      const chunks: Buffer[] = [];
      for await (const chunk of content) chunks.push(chunk as Buffer);
      contents.set(entry.name, Buffer.concat(chunks));
    },
  });
  return { ...result, contents };
}

async function passphraseBackup(directory: string, overrides: Partial<BackupMetadataDraft> = {}) {
  const encryption = newPassphraseEncryption();
  const key = await deriveKey(PASSPHRASE, encryption.kdf);
  const path = join(directory, 'backup.fdbackup');
  const metadata = await writeBackup({
    path,
    metadata: draft({ encryption, ...overrides }),
    entries: entries(),
    key,
  });
  return { path, metadata };
}

function expectCode(promise: Promise<unknown>, codes: string[]) {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { code?: string }) => {
      expect(codes).toContain(error.code);
    },
  );
}

describe('backup file round trip', () => {
  it.each([
    ['passphrase, gzip', 'passphrase', 'gzip'],
    ['passphrase, stored', 'passphrase', 'none'],
    ['device key, gzip', 'device-key', 'gzip'],
    ['not encrypted, gzip', 'none', 'gzip'],
    ['not encrypted, stored', 'none', 'none'],
  ] as const)('%s: gives back every entry byte for byte', async (_name, method, compression) => {
    const directory = workDir();
    const path = join(directory, 'backup.fdbackup');
    const deviceKeys = new MemoryDeviceKeys();
    let encryption: BackupMetadata['encryption'] = { method: 'none' };
    let key: Buffer | undefined;
    if (method === 'passphrase') {
      encryption = newPassphraseEncryption();
      key = await deriveKey(PASSPHRASE, encryption.kdf);
    } else if (method === 'device-key') {
      const created = await deviceKeys.create();
      encryption = newDeviceKeyEncryption(created.keyId);
      key = created.key;
    }
    const progress: number[] = [];
    const written = await writeBackup({
      path,
      metadata: draft({ encryption, compression }),
      entries: entries(),
      ...(key ? { key } : {}),
      onProgress: (bytes) => progress.push(bytes),
    });
    expect(written.size).toBeGreaterThan(0);
    expect(written.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toBe(200_000 + files['store/workspaces.json']!.length);
    // Only the backup is left in the folder: no temporary file.
    expect(readdirSync(directory)).toEqual(['backup.fdbackup']);
    expect(await readBackupMetadata(path)).toEqual(written);

    const read = await collect(path, { passphrase: PASSPHRASE, deviceKeys });
    expect(read.metadata).toEqual(written);
    expect(read.entries.map((entry) => entry.name)).toEqual(Object.keys(files));
    for (const [name, content] of Object.entries(files)) {
      expect(read.contents.get(name)?.equals(content), name).toBe(true);
    }
  });

  it('never writes the passphrase or the plain content into the file', async () => {
    const directory = workDir();
    const { path } = await passphraseBackup(directory, { compression: 'none' });
    const bytes = readFileSync(path);
    expect(bytes.includes(Buffer.from(PASSPHRASE))).toBe(false);
    expect(bytes.includes(files['store/workspaces.json']!)).toBe(false);
  });

  it('records the key derivation in the header, with strong parameters', async () => {
    const { metadata } = await passphraseBackup(workDir());
    expect(metadata.encryption).toMatchObject({
      method: 'passphrase',
      algorithm: 'aes-256-gcm',
      kdf: { name: 'scrypt', N: 2 ** 15, r: 8, p: 4 },
    });
    // 128 · N · r · p: the work of OWASP's scrypt minimum (N = 2^17, r = 8, p = 1) or more.
    expect(BACKUP_KDF.N * BACKUP_KDF.r * BACKUP_KDF.p).toBeGreaterThanOrEqual(2 ** 17 * 8);
  });

  it('leaves nothing behind when the entries fail half way', async () => {
    const directory = workDir();
    const failing: BackupEntrySource[] = [
      { name: 'a.txt', size: 3, open: () => Buffer.from('abc') },
      {
        name: 'b.txt',
        size: 10,
        open: () =>
          new Readable({
            read() {
              this.destroy(new Error('disk read error'));
            },
          }),
      },
    ];
    await expect(
      writeBackup({ path: join(directory, 'x.fdbackup'), metadata: draft(), entries: failing }),
    ).rejects.toMatchObject({ code: 'BACKUP_WRITE_FAILED' });
    expect(readdirSync(directory)).toEqual([]);
  });

  it('refuses unsafe or repeated entry names when writing', async () => {
    const directory = workDir();
    for (const name of ['../evil', '/etc/passwd']) {
      await expectCode(
        writeBackup({
          path: join(directory, 'x.fdbackup'),
          metadata: draft(),
          entries: [{ name, size: 1, open: () => Buffer.from('x') }],
        }),
        ['BACKUP_UNSAFE_PATH'],
      );
    }
    await expectCode(
      writeBackup({
        path: join(directory, 'x.fdbackup'),
        metadata: draft(),
        entries: [
          { name: 'a', size: 1, open: () => Buffer.from('x') },
          { name: 'a', size: 1, open: () => Buffer.from('y') },
        ],
      }),
      ['BACKUP_DUPLICATE_ENTRY'],
    );
    expect(readdirSync(directory)).toEqual([]);
    await expectCode(
      writeBackup({
        path: join(directory, 'x.fdbackup'),
        metadata: draft({ encryption: newPassphraseEncryption() }),
        entries: [],
      }),
      ['BACKUP_KEY_MISSING'],
    );
  });
});

describe('reading a bad backup', () => {
  it('says the passphrase is wrong, or missing, without reading any entry', async () => {
    const { path } = await passphraseBackup(workDir());
    let entriesSeen = 0;
    await expectCode(
      readBackup({
        path,
        passphrase: 'not the passphrase',
        onEntry: async (_entry, content) => {
          entriesSeen += 1;
          content.resume();
          await Promise.resolve();
        },
      }),
      ['BACKUP_WRONG_PASSPHRASE'],
    );
    await expectCode(readBackup({ path }), ['BACKUP_PASSPHRASE_REQUIRED']);
    // Wrong-key garbage never reaches the archive reader as a valid entry.
    expect(entriesSeen).toBe(0);
  });

  it('cannot open a device-key backup on another device', async () => {
    const directory = workDir();
    const deviceKeys = new MemoryDeviceKeys();
    const created = await deviceKeys.create();
    const path = join(directory, 'b.fdbackup');
    await writeBackup({
      path,
      metadata: draft({ encryption: newDeviceKeyEncryption(created.keyId) }),
      entries: entries(),
      key: created.key,
    });
    await expectCode(readBackup({ path, deviceKeys: new MemoryDeviceKeys() }), [
      'BACKUP_DEVICE_KEY_MISSING',
    ]);
    const impostor = new MemoryDeviceKeys();
    impostor.keys.set(created.keyId, randomBytes(32));
    await expectCode(readBackup({ path, deviceKeys: impostor }), ['BACKUP_DEVICE_KEY_WRONG']);
  });

  it('detects one flipped byte anywhere in the file, before reading any entry', async () => {
    const directory = workDir();
    const { path } = await passphraseBackup(directory, { compression: 'gzip' });
    const original = readFileSync(path);
    const flipped = join(directory, 'flipped.fdbackup');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: original.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const copy = Buffer.from(original);
          copy[position] = copy[position]! ^ mask;
          writeFileSync(flipped, copy);
          let entriesSeen = 0;
          const outcome = await readBackup({
            path: flipped,
            passphrase: PASSPHRASE,
            onEntry: async (_entry, content) => {
              entriesSeen += 1;
              content.resume();
              await Promise.resolve();
            },
          }).then(
            () => 'read',
            (error: { code?: string }) => error.code ?? 'no code',
          );
          return outcome !== 'read' && outcome.startsWith('BACKUP_') && entriesSeen === 0;
        },
      ),
      { numRuns: 100 },
    );
  });

  it('detects a flipped byte in an unencrypted backup too, header included', async () => {
    const directory = workDir();
    const path = join(directory, 'plain.fdbackup');
    await writeBackup({ path, metadata: draft(), entries: entries() });
    const original = readFileSync(path);
    // The retention policy is in the header but not needed to read the payload.
    const at = original.indexOf('keep-7');
    const copy = Buffer.from(original);
    copy[at] = 'K'.charCodeAt(0);
    writeFileSync(path, copy);
    await expectCode(readBackup({ path }), ['BACKUP_CORRUPTED']);
  });

  it('says a cut-off file is incomplete, wherever it was cut', async () => {
    const directory = workDir();
    const { path } = await passphraseBackup(directory);
    const original = readFileSync(path);
    const cut = join(directory, 'cut.fdbackup');
    for (const length of [0, 5, 12, 100, 4000, original.length - 17, original.length - 1]) {
      writeFileSync(cut, original.subarray(0, length));
      await expectCode(readBackup({ path: cut, passphrase: PASSPHRASE }), [
        'BACKUP_TRUNCATED',
        'BACKUP_NOT_A_BACKUP',
      ]);
    }
    writeFileSync(cut, Buffer.concat([original, Buffer.from('extra')]));
    await expectCode(readBackup({ path: cut, passphrase: PASSPHRASE }), ['BACKUP_CORRUPTED']);
  });

  it('tells a file that is not a backup, or is missing', async () => {
    const directory = workDir();
    const other = join(directory, 'photo.jpg');
    writeFileSync(other, randomBytes(5000));
    await expectCode(readBackup({ path: other }), ['BACKUP_NOT_A_BACKUP']);
    await expectCode(readBackupMetadata(join(directory, 'missing')), ['BACKUP_NOT_FOUND']);
  });

  it('refuses a backup from a newer Flow Desk, naming the version', async () => {
    const directory = workDir();
    const newerStore = join(directory, 'newer.fdbackup');
    await writeBackup({
      path: newerStore,
      metadata: draft({ storeSchemaVersion: 9, version: '3.0.0' }),
      entries: [],
    });
    const refused = await readBackup({ path: newerStore }).catch(
      (error: Error & { code: string }) => error,
    );
    expect(refused).toMatchObject({ code: 'BACKUP_FROM_NEWER_VERSION' });
    expect((refused as Error).message).toContain('(3.0.0)');
    // A newer file format: the header has fields this version does not know.
    const newerFormat = join(directory, 'format.fdbackup');
    const header = encodeHeader({ ...draft(), size: 0, checksum: '0'.repeat(64) }, 4096);
    const json = JSON.stringify({
      ...draft(),
      formatVersion: 2,
      size: 0,
      checksum: '0'.repeat(64),
    });
    const frame = Buffer.alloc(header.length, 0x20);
    header.copy(frame, 0, 0, 16);
    frame.writeUInt32BE(json.length, 12);
    frame.write(json, 16);
    writeFileSync(newerFormat, frame);
    await expectCode(readBackup({ path: newerFormat }), ['BACKUP_FROM_NEWER_VERSION']);
  });
});

/** A backup whose payload is whatever tar (or other bytes) the test makes, sealed properly. */
async function craftedBackup(directory: string, payloadPlain: Buffer, gzip = true) {
  const encryption = newPassphraseEncryption();
  const key = await deriveKey(PASSPHRASE, encryption.kdf);
  const base: BackupMetadata = { ...draft({ encryption }), size: 0, checksum: '0'.repeat(64) };
  const cipher = createPayloadCipher(key, encryption.iv, authenticatedHeaderData(base));
  const body = gzip ? gzipSync(payloadPlain) : payloadPlain;
  const payload = Buffer.concat([cipher.update(body), cipher.final(), cipher.getAuthTag()]);
  const { createHash } = await import('node:crypto');
  const checksum = createHash('sha256')
    .update(authenticatedHeaderData(base))
    .update(payload)
    .digest('hex');
  const metadata = { ...base, size: payload.length, checksum };
  const path = join(directory, `crafted-${Math.random().toString(36).slice(2)}.fdbackup`);
  writeFileSync(
    path,
    Buffer.concat([encodeHeader(metadata, headerCapacityFor(metadata)), payload]),
  );
  return path;
}

async function tarOf(
  entries: { name: string; content?: Buffer; type?: 'file' | 'symlink'; linkname?: string }[],
) {
  const tar = createPack();
  for (const entry of entries) {
    if (entry.type === 'symlink')
      tar.entry({ name: entry.name, type: 'symlink', linkname: entry.linkname ?? '/etc' });
    else tar.entry({ name: entry.name }, entry.content ?? Buffer.from('x'));
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('archives made to harm', () => {
  it.each(['../outside.txt', '/etc/passwd', 'a/../../b', 'C:/Windows/x', 'a\\..\\b'])(
    'refuses the entry name %s before any entry is handed over',
    async (name) => {
      const path = await craftedBackup(workDir(), await tarOf([{ name }]));
      await expectCode(readBackup({ path, passphrase: PASSPHRASE }), ['BACKUP_UNSAFE_PATH']);
    },
  );

  it('refuses links and special files', async () => {
    const path = await craftedBackup(
      workDir(),
      await tarOf([{ name: 'link', type: 'symlink', linkname: '/etc/passwd' }]),
    );
    await expectCode(readBackup({ path, passphrase: PASSPHRASE }), ['BACKUP_UNSUPPORTED_ENTRY']);
  });

  it('stops a decompression bomb by size and by ratio', async () => {
    const directory = workDir();
    const huge = await tarOf([{ name: 'zeros', content: Buffer.alloc(40 * 1024 * 1024) }]);
    const path = await craftedBackup(directory, huge);
    await expectCode(
      readBackup({
        path,
        passphrase: PASSPHRASE,
        limits: { maxRatio: 1000 * 1000, maxExpandedBytes: 10 * 1024 * 1024 },
      }),
      ['BACKUP_EXPANDS_TOO_MUCH'],
    );
    await expectCode(readBackup({ path, passphrase: PASSPHRASE }), ['BACKUP_EXPANDS_TOO_MUCH']);
  });

  it('refuses garbage that decrypts properly but is not an archive', async () => {
    const path = await craftedBackup(workDir(), randomBytes(3000), false);
    await expectCode(readBackup({ path, passphrase: PASSPHRASE }), ['BACKUP_WRONG_PASSPHRASE']);
  });

  it('refuses too many entries and repeated names', async () => {
    const directory = workDir();
    const many = await craftedBackup(
      directory,
      await tarOf([{ name: 'a' }, { name: 'b' }, { name: 'c' }]),
    );
    await expectCode(
      readBackup({ path: many, passphrase: PASSPHRASE, limits: { maxEntries: 2 } }),
      ['BACKUP_TOO_MANY_ENTRIES'],
    );
    const twice = await craftedBackup(directory, await tarOf([{ name: 'a' }, { name: 'a' }]));
    await expectCode(readBackup({ path: twice, passphrase: PASSPHRASE }), [
      'BACKUP_DUPLICATE_ENTRY',
    ]);
  });
});

describe('entry names and passphrases', () => {
  it('accepts only relative names that stay inside', () => {
    expect(isSafeEntryName('sessions/persist_svc-s1/Local Storage/leveldb/000003.log')).toBe(true);
    for (const name of ['', '.', 'a/./b', 'a//b', 'a/', `${'a'.repeat(513)}`, 'a\u0000b']) {
      expect(isSafeEntryName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it('asks for a passphrase of at least 12 characters', () => {
    expect(() => checkPassphrase('eleven char')).toThrow(/at least 12 characters/);
    expect(() => checkPassphrase('four good words')).not.toThrow();
  });
});

describe('edges of the format', () => {
  it('names disk, permission and other write failures in words a user can act on', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(writeFailure(errno('ENOSPC'))).toMatchObject({ code: 'BACKUP_DISK_FULL' });
    expect(writeFailure(errno('EACCES'))).toMatchObject({ code: 'BACKUP_NOT_WRITABLE' });
    expect(writeFailure(errno('EROFS'))).toMatchObject({ code: 'BACKUP_NOT_WRITABLE' });
    expect(writeFailure(new Error('boom'))).toMatchObject({ code: 'BACKUP_WRITE_FAILED' });
    const own = errno('BACKUP_UNSAFE_PATH');
    expect(writeFailure(own)).toBe(own);
  });

  it('fails to write into a folder that is a file', async () => {
    const directory = workDir();
    writeFileSync(join(directory, 'file'), 'x');
    await expectCode(
      writeBackup({ path: join(directory, 'file', 'b.fdbackup'), metadata: draft(), entries: [] }),
      ['BACKUP_WRITE_FAILED', 'BACKUP_NOT_WRITABLE'],
    );
  });

  it('keeps a header within its region, and refuses an encrypted payload too short for its tag', async () => {
    const metadata = { ...draft(), size: 0, checksum: '0'.repeat(64) };
    expect(() => encodeHeader(metadata, 10)).toThrow(/does not fit/);
    const directory = workDir();
    const encryption = newPassphraseEncryption();
    const short = { ...draft({ encryption }), size: 5, checksum: '0'.repeat(64) };
    const path = join(directory, 'short.fdbackup');
    writeFileSync(path, Buffer.concat([encodeHeader(short, 4096), Buffer.alloc(5)]));
    await expectCode(readBackup({ path, passphrase: PASSPHRASE }), ['BACKUP_TRUNCATED']);
  });

  it('writes canonical JSON: sorted keys, no undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: undefined, c: 'x' }] })).toBe(
      '{"a":[true,null,{"c":"x"}],"b":1}',
    );
  });

  it('has no key for an unencrypted backup', async () => {
    await expectCode(keyFor({ method: 'none' }, {}), ['BACKUP_NOT_ENCRYPTED']);
  });

  it('skips directory entries', async () => {
    const tar = createPack();
    tar.entry({ name: 'folder', type: 'directory' });
    tar.entry({ name: 'folder/file' }, Buffer.from('x'));
    tar.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of tar) chunks.push(chunk);
    const path = await craftedBackup(workDir(), Buffer.concat(chunks));
    const read = await readBackup({ path, passphrase: PASSPHRASE });
    expect(read.entries).toEqual([{ name: 'folder/file', size: 1 }]);
  });
});
