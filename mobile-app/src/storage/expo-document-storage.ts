import { File, Paths } from 'expo-file-system';
import type { DocumentStorage } from './workspace-repository';

/**
 * DocumentStorage on the app's document directory (kept by the system, backed up with the
 * device). A write goes to a temporary file first and is moved over the old one, so a crash
 * mid-write leaves the previous document whole.
 */
export const expoDocumentStorage: DocumentStorage = {
  async read(name) {
    const file = new File(Paths.document, name);
    return file.exists ? file.text() : undefined;
  },
  async write(name, text) {
    const temporary = new File(Paths.document, `${name}.writing`);
    if (temporary.exists) temporary.delete();
    temporary.create();
    temporary.write(text);
    await temporary.move(new File(Paths.document, name), { overwrite: true });
  },
};

/**
 * A small file read and written synchronously (the license record, which the license manager
 * reads while it starts): written aside and moved over the old one, like the documents above.
 */
export function expoSyncFile(name: string): {
  read(): string | undefined;
  write(text: string): void;
} {
  return {
    read() {
      const file = new File(Paths.document, name);
      return file.exists ? file.textSync() : undefined;
    },
    write(text) {
      const temporary = new File(Paths.document, `${name}.writing`);
      if (temporary.exists) temporary.delete();
      temporary.create();
      temporary.write(text);
      temporary.moveSync(new File(Paths.document, name), { overwrite: true });
    },
  };
}
