import { FlowDeskError } from '@flowdesk/shared/core';
import { defaultWorkspaceStore, parseWorkspaceStore } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

/**
 * The phone's workspaces (issue 11): one JSON document in the app's storage, read through the
 * shared schema and migrations like the desktop store. A document that cannot be read is never
 * overwritten: it is set aside first, and the app says so and starts empty.
 */

/** The app's document storage (expo-file-system in the app; memory in tests). */
export interface DocumentStorage {
  read(name: string): Promise<string | undefined>;
  /** Replaces the document as a whole (written aside, then moved over the old one). */
  write(name: string, text: string): Promise<void>;
}

export const WORKSPACES_DOCUMENT = 'workspaces.json';

export interface LoadedWorkspaces {
  store: WorkspaceStore;
  /** Set when the kept document could not be used; it was saved under `keptAs`. */
  problem?: { code: string; message: string; keptAs: string };
}

export class WorkspaceRepository {
  constructor(
    private readonly storage: DocumentStorage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(): Promise<LoadedWorkspaces> {
    const text = await this.storage.read(WORKSPACES_DOCUMENT);
    if (text === undefined) return { store: defaultWorkspaceStore() };
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      return this.setAside(text, 'STORE_DAMAGED', 'Your workspaces file is damaged.');
    }
    const parsed = parseWorkspaceStore(document);
    if (parsed.ok) return { store: parsed.value.value };
    return this.setAside(text, parsed.error.code, parsed.error.message);
  }

  async save(store: WorkspaceStore): Promise<void> {
    // Checked again on the way out: nothing invalid is ever written.
    const checked = parseWorkspaceStore(store);
    if (!checked.ok) throw checked.error;
    await this.storage.write(WORKSPACES_DOCUMENT, `${JSON.stringify(checked.value.value)}\n`);
  }

  private async setAside(text: string, code: string, message: string): Promise<LoadedWorkspaces> {
    const keptAs = `workspaces.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}.json`;
    try {
      await this.storage.write(keptAs, text);
    } catch (error) {
      // Not even a copy could be made: refuse to go on rather than risk the only copy.
      throw new FlowDeskError(
        'STORE_UNREADABLE',
        `${message} It could not be set aside, so nothing was changed.`,
        { cause: error },
      );
    }
    return {
      store: defaultWorkspaceStore(),
      problem: {
        code,
        message: `${message} A copy was kept as ${keptAs}; Flow Desk started with no workspaces.`,
        keptAs,
      },
    };
  }
}
