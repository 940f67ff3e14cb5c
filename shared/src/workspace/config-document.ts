import { z } from 'zod';
import { FlowDeskError, cloneJson, err, fieldErrorsFromZod, ok } from '../core';
import type { FieldError, Result } from '../core';
import { isoDateTime } from './fields';
import { newId } from './ids';
import { MAX_SERVICES_PER_WORKSPACE, workspaceSchema } from './schemas';
import type { Workspace, WorkspaceStore } from './schemas';

/**
 * Export and import of workspace configuration (the seed's exportWorkspaceConfig and
 * importWorkspaceConfig): a versioned JSON document with workspaces and their services (names,
 * addresses, settings), never sign-ins or browser data. Its JSON Schema is published in
 * docs/formats/workspaces.schema.json, generated from these schemas.
 */

export const CONFIG_DOCUMENT_FORMAT = 'flowdesk-workspaces';
export const CONFIG_DOCUMENT_VERSION = 1;
export const MAX_IMPORTED_WORKSPACES = 200;
/** A document beyond this is refused before it is parsed. */
export const MAX_CONFIG_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const workspaceConfigDocumentSchema = z.strictObject({
  format: z.literal(CONFIG_DOCUMENT_FORMAT),
  formatVersion: z.literal(CONFIG_DOCUMENT_VERSION),
  exportedAt: isoDateTime,
  /** The app version that exported it. */
  appVersion: z.string().min(1).max(50),
  workspaces: z.array(workspaceSchema).max(MAX_IMPORTED_WORKSPACES),
});

export type WorkspaceConfigDocument = z.output<typeof workspaceConfigDocumentSchema>;

/** What an export leaves out: answers to permission prompts and what belongs to this device. */
function portable(workspace: Workspace): Workspace {
  return {
    ...workspace,
    activeServiceId: null,
    services: workspace.services.map((service) => ({
      ...service,
      permissions: [],
      // The password stays in this computer's keyring; the importing user enters it again.
      proxy:
        service.proxy.mode === 'custom'
          ? { ...service.proxy, passwordStored: false }
          : service.proxy,
    })),
  };
}

export function exportWorkspaceConfig(
  store: Pick<WorkspaceStore, 'workspaces'>,
  options: { workspaceIds?: readonly string[]; appVersion: string; now?: Date },
): WorkspaceConfigDocument {
  const wanted = options.workspaceIds ? new Set(options.workspaceIds) : undefined;
  return {
    format: CONFIG_DOCUMENT_FORMAT,
    formatVersion: CONFIG_DOCUMENT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    appVersion: options.appVersion,
    workspaces: store.workspaces
      .filter((workspace) => !wanted || wanted.has(workspace.id))
      .map(portable),
  };
}

export type ImportConflict =
  | { kind: 'same-id'; workspaceId: string; name: string; existingName: string }
  | { kind: 'same-name'; workspaceId: string; name: string; existingId: string };

export interface ImportPreview {
  document: WorkspaceConfigDocument;
  /** One per imported workspace that meets one already here; the user picks what to do. */
  conflicts: ImportConflict[];
  /** Services whose address is already in some workspace here (for information). */
  knownAddresses: { workspaceId: string; serviceId: string; url: string; inWorkspace: string }[];
}

/** What to do with an imported workspace that meets an existing one. */
export type ConflictChoice = 'duplicate' | 'replace' | 'skip';

export interface ImportResult {
  /** Workspaces added, with the ids they have here. */
  added: { workspaceId: string; name: string; services: number }[];
  /** Existing workspaces whose configuration was replaced. */
  replaced: { workspaceId: string; name: string; services: number }[];
  skipped: { workspaceId: string; name: string }[];
  /** The store's workspaces after the import. */
  workspaces: Workspace[];
}

function importError(code: string, message: string, fields: FieldError[] = []): FlowDeskError {
  return new FlowDeskError(code, message, { details: { fields } });
}

/**
 * Reads an export (its text) and says what importing it would do: the conflicts to decide and
 * the addresses already here. Refuses, with a message per field, anything that is not a valid
 * document of this or an older version.
 */
export function previewImport(
  text: string,
  store: Pick<WorkspaceStore, 'workspaces'>,
): Result<ImportPreview> {
  if (text.length > MAX_CONFIG_DOCUMENT_BYTES) {
    return err(
      importError('IMPORT_TOO_LARGE', 'This file is too large to be a Flow Desk workspace export.'),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(
      importError(
        'IMPORT_NOT_JSON',
        'This file is not a Flow Desk workspace export (it is not JSON). Choose a file exported from Flow Desk.',
      ),
    );
  }
  const head = raw as { format?: unknown; formatVersion?: unknown; workspaces?: unknown } | null;
  if (head?.format !== CONFIG_DOCUMENT_FORMAT) {
    return err(
      importError(
        'IMPORT_NOT_AN_EXPORT',
        'This file is not a Flow Desk workspace export. Choose a file exported from Flow Desk.',
      ),
    );
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > CONFIG_DOCUMENT_VERSION) {
    return err(
      importError(
        'IMPORT_FROM_NEWER_VERSION',
        'This export was made by a newer Flow Desk. Update Flow Desk, then import it.',
      ),
    );
  }
  // Counted before the full check, so a huge document gets one clear message, not thousands.
  if (Array.isArray(head.workspaces)) {
    const counts = head.workspaces.map((workspace: unknown) => {
      const services = (workspace as { services?: unknown } | null)?.services;
      return Array.isArray(services) ? services.length : 0;
    });
    const services = counts.reduce((sum, count) => sum + count, 0);
    if (
      head.workspaces.length > MAX_IMPORTED_WORKSPACES ||
      counts.some((count) => count > MAX_SERVICES_PER_WORKSPACE)
    ) {
      return err(
        importError(
          'IMPORT_TOO_LARGE',
          `This export holds ${head.workspaces.length} workspaces and ${services} services; Flow Desk takes at most ${MAX_IMPORTED_WORKSPACES} workspaces of ${MAX_SERVICES_PER_WORKSPACE} services each.`,
        ),
      );
    }
  }
  const parsed = workspaceConfigDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrorsFromZod(parsed.error);
    return err(
      importError(
        'IMPORT_INVALID',
        `This export cannot be imported: ${fields[0]?.message ?? 'it is not valid.'}${fields[0]?.field ? ` (${fields[0].field})` : ''}`,
        fields,
      ),
    );
  }
  const document = parsed.data;
  // The store's rule: workspace ids unique among workspaces, service ids among services.
  const workspaceIds = document.workspaces.map((workspace) => workspace.id);
  const serviceIds = document.workspaces.flatMap((workspace) =>
    workspace.services.map((service) => service.id),
  );
  if (
    new Set(workspaceIds).size !== workspaceIds.length ||
    new Set(serviceIds).size !== serviceIds.length
  ) {
    return err(
      importError('IMPORT_INVALID', 'This export uses the same id twice; it was edited by hand.'),
    );
  }
  const strayActive = document.workspaces.find(
    (workspace) =>
      workspace.activeServiceId !== null &&
      !workspace.services.some((service) => service.id === workspace.activeServiceId),
  );
  if (strayActive) {
    return err(
      importError(
        'IMPORT_INVALID',
        `This export's workspace "${strayActive.name}" opens a service it does not have; it was edited by hand.`,
      ),
    );
  }

  const conflicts: ImportConflict[] = [];
  for (const workspace of document.workspaces) {
    const sameId = store.workspaces.find((existing) => existing.id === workspace.id);
    const sameName = store.workspaces.find(
      (existing) => existing.name.toLocaleLowerCase() === workspace.name.toLocaleLowerCase(),
    );
    if (sameId) {
      conflicts.push({
        kind: 'same-id',
        workspaceId: workspace.id,
        name: workspace.name,
        existingName: sameId.name,
      });
    } else if (sameName) {
      conflicts.push({
        kind: 'same-name',
        workspaceId: workspace.id,
        name: workspace.name,
        existingId: sameName.id,
      });
    }
  }
  const addresses = new Map<string, string>();
  for (const existing of store.workspaces) {
    for (const service of existing.services) addresses.set(service.url, existing.name);
  }
  const knownAddresses = document.workspaces.flatMap((workspace) =>
    workspace.services
      .filter((service) => addresses.has(service.url))
      .map((service) => ({
        workspaceId: workspace.id,
        serviceId: service.id,
        url: service.url,
        inWorkspace: addresses.get(service.url) ?? '',
      })),
  );
  return ok({ document, conflicts, knownAddresses });
}

/**
 * The store's workspaces after importing, given a choice per conflicting workspace (by its id in
 * the document; "duplicate" when none is given). Workspaces without a conflict are added as they
 * are; duplicates get new ids, so they get their own sessions.
 */
export function applyImport(
  preview: ImportPreview,
  store: Pick<WorkspaceStore, 'workspaces'>,
  choices: Readonly<Record<string, ConflictChoice>>,
  makeId: () => string = () => newId(),
): ImportResult {
  const workspaces: Workspace[] = cloneJson(store.workspaces);
  const result: ImportResult = { added: [], replaced: [], skipped: [], workspaces };
  const conflicting = new Map(
    preview.conflicts.map((conflict) => [conflict.workspaceId, conflict]),
  );
  for (const imported of preview.document.workspaces) {
    const conflict = conflicting.get(imported.id);
    const choice = conflict ? (choices[imported.id] ?? 'duplicate') : 'add';
    if (choice === 'skip') {
      result.skipped.push({ workspaceId: imported.id, name: imported.name });
      continue;
    }
    if (choice === 'replace' && conflict) {
      const targetId = conflict.kind === 'same-id' ? conflict.workspaceId : conflict.existingId;
      const at = workspaces.findIndex((existing) => existing.id === targetId);
      const existing = workspaces[at]!;
      // The configuration is replaced; the workspace keeps its id, so its sessions stay. A
      // service whose id another workspace here uses gets a new one.
      const elsewhere = new Set(
        workspaces.flatMap((w) => (w.id === targetId ? [] : w.services.map((s) => s.id))),
      );
      workspaces[at] = {
        ...withServiceIds(imported, (id) => (elsewhere.has(id) ? makeId() : id)),
        id: targetId,
        createdAt: existing.createdAt,
      };
      result.replaced.push({
        workspaceId: targetId,
        name: imported.name,
        services: imported.services.length,
      });
      continue;
    }
    const taken = new Set(workspaces.flatMap((w) => [w.id, ...w.services.map((s) => s.id)]));
    const fresh =
      choice === 'duplicate' ||
      taken.has(imported.id) ||
      imported.services.some((s) => taken.has(s.id));
    const added: Workspace = fresh
      ? { ...withServiceIds(imported, () => makeId()), id: makeId() }
      : imported;
    workspaces.push(added);
    result.added.push({ workspaceId: added.id, name: added.name, services: added.services.length });
  }
  return result;
}

/** The workspace with its services' ids changed as `idFor` says, its active service following. */
function withServiceIds(workspace: Workspace, idFor: (id: string) => string): Workspace {
  const ids = new Map(workspace.services.map((service) => [service.id, idFor(service.id)]));
  return {
    ...workspace,
    services: workspace.services.map((service) => ({ ...service, id: ids.get(service.id)! })),
    ...(workspace.activeServiceId === null
      ? {}
      : { activeServiceId: ids.get(workspace.activeServiceId) ?? null }),
  };
}
