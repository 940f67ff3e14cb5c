import { readFile } from 'node:fs/promises';
import { isFlowDeskError } from '@flowdesk/shared/core';
import type { BackupMetadata } from '@flowdesk/shared/workspace';
import { readBackup, readBackupMetadata } from '../main/data/backup/reader';

/**
 * `flowdesk-backup verify|inspect|list FILE`: looks into a backup file under plain Node, for
 * support and for tests. It only reads; it never changes the file or anything else.
 *
 * The passphrase of a protected backup comes from FLOWDESK_BACKUP_PASSPHRASE or from a file
 * named by --passphrase-file (never from the command line, where other users could see it).
 */

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE = `Usage: flowdesk-backup <command> [--json] [--passphrase-file FILE] FILE

Commands:
  inspect   show the backup's header: when, which version, what is inside, how it is protected
  list      list the files inside (needs the passphrase of a protected backup)
  verify    check every byte: checksum, authentication, archive, limits (needs the passphrase)

The passphrase is read from FLOWDESK_BACKUP_PASSPHRASE or from --passphrase-file FILE.
Backups locked to a computer's keyring can only be inspected here.`;

interface Parsed {
  command: 'inspect' | 'list' | 'verify';
  file: string;
  json: boolean;
  passphraseFile?: string;
}

function parse(argv: readonly string[]): Parsed | string {
  const rest = [...argv];
  let json = false;
  let passphraseFile: string | undefined;
  const positional: string[] = [];
  while (rest.length > 0) {
    const argument = rest.shift()!;
    if (argument === '--json') json = true;
    else if (argument === '--passphrase-file') {
      const value = rest.shift();
      if (value === undefined) return '--passphrase-file needs a file name.';
      passphraseFile = value;
    } else if (argument === '--help' || argument === '-h') return USAGE;
    else if (argument.startsWith('-')) return `Unknown option ${argument}.`;
    else positional.push(argument);
  }
  const [command, file, ...extra] = positional;
  if (command !== 'inspect' && command !== 'list' && command !== 'verify') {
    return command === undefined ? USAGE : `Unknown command "${command}".`;
  }
  if (file === undefined) return `${command} needs the backup file.`;
  if (extra.length > 0) return 'Give one backup file at a time.';
  return { command, file, json, ...(passphraseFile === undefined ? {} : { passphraseFile }) };
}

function describe(metadata: BackupMetadata): string {
  const protection =
    metadata.encryption.method === 'passphrase'
      ? `AES-256-GCM, key from a passphrase (scrypt N=${metadata.encryption.kdf.N}, r=${metadata.encryption.kdf.r}, p=${metadata.encryption.kdf.p})`
      : metadata.encryption.method === 'device-key'
        ? 'AES-256-GCM, key kept by the keyring of the computer that made it'
        : 'not encrypted';
  return [
    `Backup ${metadata.id} (${metadata.type}${metadata.parentId ? ` on top of ${metadata.parentId}` : ''})`,
    `  made          ${metadata.timestamp} by Flow Desk ${metadata.version}`,
    `  contents      ${metadata.workspaceCount} workspace(s), ${metadata.serviceCount} service(s)${metadata.includesBrowserSessions ? ', with sign-ins (browser sessions)' : ''}`,
    `  protection    ${protection}`,
    `  compression   ${metadata.compression}`,
    `  size          ${metadata.size} bytes, SHA-256 ${metadata.checksum}`,
    `  retention     ${metadata.retentionPolicy}`,
  ].join('\n');
}

export async function runBackupCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    (parsed === USAGE ? io.stdout : io.stderr)(`${parsed}\n`);
    return parsed === USAGE && argv.length > 0 ? EXIT.ok : EXIT.usage;
  }
  try {
    if (parsed.command === 'inspect') {
      const metadata = await readBackupMetadata(parsed.file);
      io.stdout(parsed.json ? `${JSON.stringify(metadata, null, 2)}\n` : `${describe(metadata)}\n`);
      return EXIT.ok;
    }
    const passphrase = parsed.passphraseFile
      ? (await readFile(parsed.passphraseFile, 'utf8')).replace(/\r?\n$/, '')
      : io.env.FLOWDESK_BACKUP_PASSPHRASE;
    const result = await readBackup({
      path: parsed.file,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    if (parsed.json) {
      io.stdout(
        `${JSON.stringify({ valid: true, metadata: result.metadata, entries: result.entries }, null, 2)}\n`,
      );
    } else if (parsed.command === 'list') {
      io.stdout(result.entries.map((entry) => `${entry.size}\t${entry.name}\n`).join(''));
    } else {
      const bytes = result.entries.reduce((sum, entry) => sum + entry.size, 0);
      io.stdout(
        `${describe(result.metadata)}\nValid: ${result.entries.length} file(s), ${bytes} bytes once restored.\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    const code = isFlowDeskError(error) ? error.code : 'BACKUP_CLI_FAILED';
    const message = error instanceof Error ? error.message : String(error);
    if (parsed.json) io.stdout(`${JSON.stringify({ valid: false, code, message }, null, 2)}\n`);
    io.stderr(`${code}: ${message}\n`);
    return EXIT.failed;
  }
}
