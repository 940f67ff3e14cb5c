import type { DocumentStorage } from './workspace-repository';

/** DocumentStorage in memory for tests; writes can be made to fail, as on a full disk. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  let failing = false;
  const storage: DocumentStorage = {
    read: (name) => Promise.resolve(files.get(name)),
    write: (name, text) => {
      if (failing) return Promise.reject(new Error('disk full'));
      files.set(name, text);
      return Promise.resolve();
    },
  };
  return {
    storage,
    files,
    failWrites: () => {
      failing = true;
    },
  };
}
