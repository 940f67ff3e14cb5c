import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as createPack } from 'tar-stream';
import type { DiagnosticsFile } from './diagnostics-files';

/** Writes the files as a .tar.gz, through a temporary file, so a failed save leaves nothing. */
export async function writeDiagnosticsArchive(
  files: readonly DiagnosticsFile[],
  destination: string,
  now: Date = new Date(),
): Promise<void> {
  const partial = `${destination}.partial`;
  const pack = createPack();
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(partial));
  try {
    for (const file of files) {
      pack.entry({ name: `flowdesk-diagnostics/${file.name}`, mtime: now, mode: 0o644 }, file.text);
    }
    pack.finalize();
    await written;
    await rename(partial, destination);
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
