import Conf from 'conf';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import {
  WORKSPACE_STORE_VERSION,
  defaultWorkspaceStore,
  parseWorkspaceStore,
  workspaceStoreSchema,
} from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { readTextFile, writeFileAtomic } from './atomic-file';
import { salvageWorkspaceStore } from './salvage';
import { storeInvalidError } from './store-errors';

/**
 * The local store of workspaces, services and settings (ARCHITECTURE.md decision 6): one JSON
 * document written atomically through `conf`, validated with the shared schemas, migrated by the
 * shared migrations. A damaged file is moved aside (never deleted), the last good snapshot or
 * whatever can be salvaged is restored, and the user is told what happened.
 */

export type StoreNoticeCode =
  | 'STORE_RECOVERED'
  | 'STORE_RESTORED_FROM_SNAPSHOT'
  | 'STORE_MIGRATED'
  | 'STORE_TOO_NEW'
  | 'STORE_UNREADABLE'
  | 'STORE_UNWRITABLE';

export interface StoreNotice {
  code: StoreNoticeCode;
  level: 'info' | 'warning' | 'error';
  message: string;
  details: Record<string, unknown>;
}

export interface LoadedStore {
  store: WorkspaceStore;
  notices: StoreNotice[];
  /** True when the file on disk must not be overwritten (newer format, unreadable). */
  readOnly: boolean;
}

const FILE = 'workspaces';

export class WorkspaceStoreRepository {
  readonly mainPath: string;
  readonly snapshotPath: string;
  private conf: Conf<Record<string, unknown>> | undefined;
  private readOnly = false;

  constructor(
    private readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.mainPath = join(directory, `${FILE}.json`);
    this.snapshotPath = join(directory, `${FILE}.last-good.json`);
  }

  load(): LoadedStore {
    mkdirSync(this.directory, { recursive: true });
    const loaded = this.read();
    this.readOnly = loaded.readOnly;
    if (!loaded.readOnly && loaded.needsWrite) {
      const saved = this.save(loaded.store);
      if (!saved.ok) loaded.notices.push(this.unwritableNotice(saved.error));
    }
    return { store: loaded.store, notices: loaded.notices, readOnly: loaded.readOnly };
  }

  /** Validates and writes the whole store, then keeps it as the last good snapshot. */
  save(store: WorkspaceStore): Result<void> {
    if (this.readOnly) {
      return err(
        new FlowDeskError(
          'STORE_READ_ONLY',
          'Your workspaces file cannot be changed by this version of Flow Desk.',
        ),
      );
    }
    const parsed = workspaceStoreSchema.safeParse(store);
    if (!parsed.success) {
      return err(storeInvalidError(parsed.error));
    }
    try {
      this.confFile().store = parsed.data;
      writeFileAtomic(this.snapshotPath, `${JSON.stringify(parsed.data, null, 2)}\n`);
      return ok(undefined);
    } catch (error) {
      return err(
        new FlowDeskError(
          'STORE_WRITE_FAILED',
          'Your workspaces could not be saved. Check that the disk is not full.',
          { cause: error },
        ),
      );
    }
  }

  private confFile(): Conf<Record<string, unknown>> {
    this.conf ??= new Conf<Record<string, unknown>>({
      cwd: this.directory,
      configName: FILE,
      projectName: 'flow-desk',
      accessPropertiesByDotNotation: false,
      watch: false,
      clearInvalidConfig: false,
    });
    return this.conf;
  }

  private read(): LoadedStore & { needsWrite: boolean } {
    const main = readTextFile(this.mainPath);
    if (main.kind === 'unreadable') {
      return {
        store: defaultWorkspaceStore(),
        readOnly: true,
        needsWrite: false,
        notices: [
          {
            code: 'STORE_UNREADABLE',
            level: 'error',
            message: `Flow Desk cannot read your workspaces file (${this.mainPath}). Check its permissions; nothing will be written to it until then.`,
            details: { path: this.mainPath },
          },
        ],
      };
    }
    if (main.kind === 'missing') {
      const snapshot = this.readSnapshot();
      if (!snapshot)
        return { store: defaultWorkspaceStore(), readOnly: false, needsWrite: false, notices: [] };
      return {
        store: snapshot,
        readOnly: false,
        needsWrite: true,
        notices: [
          {
            code: 'STORE_RESTORED_FROM_SNAPSHOT',
            level: 'warning',
            message: 'Your workspaces file was missing; the last good copy was restored.',
            details: {},
          },
        ],
      };
    }

    let document: unknown;
    try {
      document = JSON.parse(main.text);
    } catch {
      return this.recover(undefined);
    }
    const parsed = parseWorkspaceStore(document);
    if (parsed.ok) {
      const migrated = parsed.value.applied.length > 0;
      const previousFile = join(this.directory, `${FILE}.before-v${WORKSPACE_STORE_VERSION}.json`);
      if (migrated) {
        // Keep the file as it was before the conversion, so an older version can still open it
        // (and the start-up backup can be made of it once the app is ready).
        writeFileAtomic(previousFile, main.text);
      }
      const notices: StoreNotice[] = migrated
        ? [
            {
              code: 'STORE_MIGRATED',
              level: 'info',
              message: 'Your workspaces were converted to the format of this version of Flow Desk.',
              details: {
                fromVersion: parsed.value.fromVersion,
                steps: parsed.value.applied,
                previousFile,
              },
            },
          ]
        : [];
      return { store: parsed.value.value, readOnly: false, needsWrite: migrated, notices };
    }
    if (parsed.error.code === 'SCHEMA_TOO_NEW') {
      return {
        store: defaultWorkspaceStore(),
        readOnly: true,
        needsWrite: false,
        notices: [
          {
            code: 'STORE_TOO_NEW',
            level: 'error',
            message: parsed.error.message,
            details: parsed.error.details,
          },
        ],
      };
    }
    return this.recover(document);
  }

  /** The damaged file goes aside; the snapshot, or else what can be salvaged, takes its place. */
  private recover(document: unknown): LoadedStore & { needsWrite: boolean } {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const quarantinePath = join(this.directory, `${FILE}.damaged-${stamp}.json`);
    renameSync(this.mainPath, quarantinePath);
    const snapshot = this.readSnapshot();
    const salvage = salvageWorkspaceStore(document);
    const useSnapshot =
      snapshot !== undefined && snapshot.workspaces.length >= salvage.keptWorkspaces;
    const store = useSnapshot ? snapshot : salvage.store;
    const source = useSnapshot
      ? 'the last good copy'
      : salvage.keptWorkspaces > 0
        ? 'the parts that could still be read'
        : 'an empty start';
    return {
      store,
      readOnly: false,
      needsWrite: true,
      notices: [
        {
          code: 'STORE_RECOVERED',
          level: 'warning',
          message: `Your workspaces file was damaged. Flow Desk restored ${source}; the damaged file was kept as ${quarantinePath}.`,
          details: {
            quarantinePath,
            source: useSnapshot ? 'snapshot' : 'salvage',
            workspaces: store.workspaces.length,
            lostWorkspaces: useSnapshot ? 0 : salvage.lostWorkspaces,
            lostServices: useSnapshot ? 0 : salvage.lostServices,
          },
        },
      ],
    };
  }

  private readSnapshot(): WorkspaceStore | undefined {
    const snapshot = readTextFile(this.snapshotPath);
    if (snapshot.kind !== 'text') return undefined;
    try {
      const parsed = parseWorkspaceStore(JSON.parse(snapshot.text));
      return parsed.ok ? parsed.value.value : undefined;
    } catch {
      return undefined;
    }
  }

  private unwritableNotice(error: FlowDeskError): StoreNotice {
    return {
      code: 'STORE_UNREADABLE',
      level: 'error',
      message: error.message,
      details: { code: error.code },
    };
  }
}
