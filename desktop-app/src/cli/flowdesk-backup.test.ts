import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, newPassphraseEncryption } from '../main/data/backup/crypto';
import { writeBackup } from '../main/data/backup/writer';
import { EXIT, runBackupCli } from './flowdesk-backup';

const PASSPHRASE = 'a long enough passphrase';
let directory: string;
let protectedPath: string;
let plainPath: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'flowdesk-cli-'));
  const base = {
    format: 'flowdesk-backup',
    formatVersion: 1,
    id: 'b1',
    timestamp: '2026-12-01T10:00:00.000Z',
    version: '0.1.0',
    type: 'full',
    compression: 'gzip',
    retentionPolicy: 'keep-7',
    workspaceCount: 2,
    serviceCount: 5,
    includesBrowserSessions: true,
    storeSchemaVersion: 1,
  } as const;
  const entries = [
    { name: 'store/workspaces.json', size: 2, open: () => Buffer.from('{}') },
    { name: 'sessions/persist_svc-s1/Cookies.json', size: 4, open: () => Buffer.from('[{}]') },
  ];
  const encryption = newPassphraseEncryption();
  protectedPath = join(directory, 'protected.fdbackup');
  await writeBackup({
    path: protectedPath,
    metadata: { ...base, encryption },
    entries,
    key: await deriveKey(PASSPHRASE, encryption.kdf),
  });
  plainPath = join(directory, 'plain.fdbackup');
  await writeBackup({
    path: plainPath,
    metadata: { ...base, id: 'b2', encryption: { method: 'none' } },
    entries,
  });
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runBackupCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
}

describe('flowdesk-backup', () => {
  it('inspects a protected backup without its passphrase', async () => {
    const { code, stdout } = await run(['inspect', protectedPath]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Backup b1 (full)');
    expect(stdout).toContain('2 workspace(s), 5 service(s), with sign-ins');
    expect(stdout).toMatch(/AES-256-GCM, key from a passphrase \(scrypt N=32768, r=8, p=4\)/);
    const json = await run(['inspect', '--json', protectedPath]);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'b1', workspaceCount: 2 });
  });

  it('lists and verifies with the passphrase from the environment or a file', async () => {
    const listed = await run(['list', protectedPath], { FLOWDESK_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.stdout).toBe(
      '2\tstore/workspaces.json\n4\tsessions/persist_svc-s1/Cookies.json\n',
    );
    const passphraseFile = join(directory, 'passphrase.txt');
    writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
    const verified = await run(['verify', '--passphrase-file', passphraseFile, protectedPath]);
    expect(verified.code).toBe(EXIT.ok);
    expect(verified.stdout).toContain('Valid: 2 file(s), 6 bytes once restored.');
    const json = await run(['verify', '--json', plainPath]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: true,
      entries: [{ size: 2 }, { size: 4 }],
    });
  });

  it('fails with the error code and message a user can act on, and changes nothing', async () => {
    const before = readFileSync(protectedPath);
    const wrong = await run(['verify', protectedPath], {
      FLOWDESK_BACKUP_PASSPHRASE: 'nope nope nope',
    });
    expect(wrong.code).toBe(EXIT.failed);
    expect(wrong.stderr).toMatch(/^BACKUP_WRONG_PASSPHRASE: The passphrase is not the one/);
    const missing = await run(['list', '--json', protectedPath]);
    expect(missing.code).toBe(EXIT.failed);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      valid: false,
      code: 'BACKUP_PASSPHRASE_REQUIRED',
    });
    const damaged = join(directory, 'damaged.fdbackup');
    const bytes = readFileSync(plainPath);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    writeFileSync(damaged, bytes);
    expect((await run(['verify', damaged])).stderr).toMatch(/^BACKUP_CORRUPTED/);
    expect(readFileSync(protectedPath).equals(before)).toBe(true);
  });

  it('explains how to use it', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toContain('Usage: flowdesk-backup <command>');
    expect((await run([])).code).toBe(EXIT.usage);
    for (const [argv, message] of [
      [['unpack', 'x'], 'Unknown command "unpack".'],
      [['verify'], 'verify needs the backup file.'],
      [['verify', 'a', 'b'], 'Give one backup file at a time.'],
      [['verify', '--passphrase', 'x', 'a'], 'Unknown option --passphrase.'],
      [['verify', '--passphrase-file'], '--passphrase-file needs a file name.'],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, argv.join(' ')).toBe(EXIT.usage);
      expect(result.stderr).toBe(`${message}\n`);
    }
  });
});
