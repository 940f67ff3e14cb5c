import { File } from 'expo-file-system';
import { getDocumentAsync } from 'expo-document-picker';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { MAX_CONFIG_DOCUMENT_BYTES } from '@flowdesk/shared/workspace';

/**
 * Choosing the desktop's export on the phone (issue 11): the system's document picker, then the
 * file read only if it is small enough to be an export. What the file holds is checked by shared
 * `previewImport`, exactly as the desktop checks it.
 */

export type PickedFile = { name: string; text: string } | { cancelled: true };

export async function pickExportFile(): Promise<Result<PickedFile>> {
  const picked = await getDocumentAsync({
    type: ['application/json', 'text/plain', '*/*'],
    copyToCacheDirectory: true,
    multiple: false,
  });
  if (picked.canceled) return ok({ cancelled: true });
  const asset = picked.assets[0];
  if (!asset) return ok({ cancelled: true });
  if (asset.size !== undefined && asset.size > MAX_CONFIG_DOCUMENT_BYTES) {
    return err(
      new FlowDeskError(
        'IMPORT_TOO_LARGE',
        'This file is too large to be a Flow Desk workspace export.',
      ),
    );
  }
  try {
    return ok({ name: asset.name, text: await new File(asset.uri).text() });
  } catch (error) {
    return err(
      new FlowDeskError('IMPORT_UNREADABLE', 'This file could not be read. Choose it again.', {
        cause: error,
      }),
    );
  }
}
