import { err, fieldErrorsFromZod, ok } from '@flowdesk/shared/core';
import type { FieldError, Result } from '@flowdesk/shared/core';
import { FlowDeskError } from '@flowdesk/shared/core';
import {
  serviceInputSchema,
  validateServiceInput,
  validateWorkspaceInput,
} from '@flowdesk/shared/security';
import {
  DEFAULT_WORKSPACE_COLOR,
  applyImport,
  MAX_SERVICES_PER_WORKSPACE,
  newId,
  workspaceServiceSchema,
  workspaceSettingsSchema,
  workspaceStoreSchema,
} from '@flowdesk/shared/workspace';
import type {
  ConflictChoice,
  ImportPreview,
  ImportResult,
  Workspace,
  WorkspaceService,
  WorkspaceStore,
} from '@flowdesk/shared/workspace';

/**
 * Changes to the phone's workspaces (issue 11), as pure functions of the store: every input
 * goes through the shared validators (the same rules as the desktop app), and the changed store
 * is checked whole before it is handed back, so nothing invalid reaches storage.
 */

export interface EditorDeps {
  makeId?: () => string;
  now?: () => Date;
}

/** A refused change: the fields that are wrong, each with a message the form shows. */
export class InputRefused extends FlowDeskError {
  constructor(
    code: string,
    readonly fields: FieldError[],
  ) {
    super(code, fields[0]?.message ?? 'Check the highlighted fields.');
  }
}

function checked(store: WorkspaceStore): Result<WorkspaceStore> {
  const parsed = workspaceStoreSchema.safeParse(store);
  return parsed.success
    ? ok(parsed.data)
    : err(new InputRefused('STORE_INVALID', fieldErrorsFromZod(parsed.error)));
}

export function addWorkspace(
  store: WorkspaceStore,
  input: unknown,
  deps: EditorDeps = {},
): Result<{ store: WorkspaceStore; workspace: Workspace }> {
  const validated = validateWorkspaceInput(input);
  if (!validated.valid) return err(new InputRefused('WORKSPACE_INPUT_INVALID', validated.errors));
  const createdAt = (deps.now?.() ?? new Date()).toISOString();
  const makeId = deps.makeId ?? (() => newId());
  const workspace: Workspace = {
    id: makeId(),
    name: validated.value.name,
    color: validated.value.color ?? DEFAULT_WORKSPACE_COLOR,
    services: validated.value.services.map((config) =>
      workspaceServiceSchema.parse({ ...config, id: makeId(), createdAt }),
    ),
    settings: workspaceSettingsSchema.parse({}),
    activeServiceId: null,
    createdAt,
  };
  workspace.activeServiceId = workspace.services[0]?.id ?? null;
  const next = checked({
    ...store,
    workspaces: [...store.workspaces, workspace],
    activeWorkspaceId: store.activeWorkspaceId ?? workspace.id,
  });
  return next.ok ? ok({ store: next.value, workspace }) : next;
}

export function addService(
  store: WorkspaceStore,
  workspaceId: string,
  input: unknown,
  deps: EditorDeps = {},
): Result<{ store: WorkspaceStore; service: WorkspaceService }> {
  const workspace = store.workspaces.find((candidate) => candidate.id === workspaceId);
  if (!workspace) {
    return err(new FlowDeskError('WORKSPACE_NOT_FOUND', 'This workspace no longer exists.'));
  }
  if (workspace.services.length >= MAX_SERVICES_PER_WORKSPACE) {
    return err(
      new FlowDeskError(
        'WORKSPACE_TOO_MANY_SERVICES',
        `A workspace holds at most ${MAX_SERVICES_PER_WORKSPACE} services.`,
      ),
    );
  }
  const shape = serviceInputSchema.safeParse(input);
  if (!shape.success) {
    return err(new InputRefused('SERVICE_INPUT_INVALID', fieldErrorsFromZod(shape.error)));
  }
  const validated = validateServiceInput(shape.data, '');
  if (!validated.valid) {
    return err(
      new InputRefused(
        'SERVICE_INPUT_INVALID',
        validated.errors.map((error) => ({ ...error, field: error.field.replace(/^\./, '') })),
      ),
    );
  }
  const service = workspaceServiceSchema.parse({
    ...validated.value,
    id: (deps.makeId ?? (() => newId()))(),
    createdAt: (deps.now?.() ?? new Date()).toISOString(),
  });
  const next = checked({
    ...store,
    workspaces: store.workspaces.map((candidate) =>
      candidate.id === workspaceId
        ? {
            ...candidate,
            services: [...candidate.services, service],
            activeServiceId: candidate.activeServiceId ?? service.id,
          }
        : candidate,
    ),
  });
  return next.ok ? ok({ store: next.value, service }) : next;
}

/**
 * The desktop's export applied with the user's choice per conflicting workspace (shared
 * applyImport, as on the desktop): all of it or nothing, checked whole before it is kept.
 */
export function importWorkspaces(
  store: WorkspaceStore,
  preview: ImportPreview,
  choices: Readonly<Record<string, ConflictChoice>>,
  deps: EditorDeps = {},
): Result<{ store: WorkspaceStore; result: ImportResult }> {
  const result = applyImport(preview, store, choices, deps.makeId);
  const ids = new Set(result.workspaces.map((workspace) => workspace.id));
  const next = checked({
    ...store,
    workspaces: result.workspaces,
    activeWorkspaceId:
      store.activeWorkspaceId && ids.has(store.activeWorkspaceId)
        ? store.activeWorkspaceId
        : (result.workspaces[0]?.id ?? null),
  });
  return next.ok ? ok({ store: next.value, result }) : next;
}
