import type { Readable } from 'node:stream';
import { z } from 'zod';
import { backupError } from './format';
import { isSafeEntryName } from './paths';

/**
 * The list of session files a backup describes (docs/formats/backup.md, "manifest.json"). Every
 * backup carries the whole list, so an incremental one knows what its parent held: it stores
 * only the files whose size or modification time changed, and a restore removes the files the
 * newest manifest no longer lists.
 */

export const MANIFEST_ENTRY = 'manifest.json';

/** Files are compared as tar and rsync do: by size and modification time. */
export const manifestFileSchema = z.strictObject({
  name: z.string().refine(isSafeEntryName, 'Not a safe entry name.'),
  size: z.int().min(0),
  /** Milliseconds since 1970. */
  mtime: z.number().min(0),
});

export const backupManifestSchema = z.strictObject({
  files: z.array(manifestFileSchema).max(1_000_000),
});

export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Whether `file` must be stored again because the parent's copy differs or is absent. */
export function changedSince(
  parent: ReadonlyMap<string, ManifestFile> | undefined,
  file: ManifestFile,
): boolean {
  const before = parent?.get(file.name);
  return !before || before.size !== file.size || before.mtime !== file.mtime;
}

/** Reads a manifest entry (a backup's own file, already authenticated, but parsed all the same). */
export async function readManifest(content: Readable): Promise<BackupManifest> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw backupError(
      'BACKUP_CONTENT_INVALID',
      'The list of files in the backup cannot be read.',
      error,
    );
  }
  const result = backupManifestSchema.safeParse(parsed);
  if (!result.success) {
    throw backupError(
      'BACKUP_CONTENT_INVALID',
      'The list of files in the backup is not valid.',
      result.error,
    );
  }
  return result.data;
}
