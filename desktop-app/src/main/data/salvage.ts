import {
  WORKSPACE_STORE_VERSION,
  appSettingsSchema,
  defaultWorkspaceStore,
  workspaceSchema,
  workspaceServiceSchema,
  workspaceStoreSchema,
} from '@flowdesk/shared/workspace';
import type { Workspace, WorkspaceStore } from '@flowdesk/shared/workspace';

/**
 * Recovers what can be recovered from a damaged workspace store: every workspace and service that
 * still parses is kept; broken ones are counted so the user is told exactly what was lost (the
 * damaged file itself is kept aside by the caller). Never throws.
 */
export interface SalvageResult {
  store: WorkspaceStore;
  keptWorkspaces: number;
  lostWorkspaces: number;
  lostServices: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function salvageWorkspace(
  raw: unknown,
  serviceIds: Set<string>,
): { workspace?: Workspace; lostServices: number } {
  if (!isRecord(raw)) return { lostServices: 0 };
  const rawServices = Array.isArray(raw.services) ? raw.services : [];
  const services = rawServices
    .map((service) => workspaceServiceSchema.safeParse(service))
    .flatMap((parsed) => (parsed.success && !serviceIds.has(parsed.data.id) ? [parsed.data] : []));
  const candidate = {
    ...raw,
    services,
    activeServiceId: services.some((service) => service.id === raw.activeServiceId)
      ? raw.activeServiceId
      : null,
  };
  const parsed = workspaceSchema.safeParse(candidate);
  if (!parsed.success) return { lostServices: rawServices.length };
  services.forEach((service) => serviceIds.add(service.id));
  return { workspace: parsed.data, lostServices: rawServices.length - services.length };
}

export function salvageWorkspaceStore(document: unknown): SalvageResult {
  const empty = defaultWorkspaceStore();
  if (!isRecord(document))
    return { store: empty, keptWorkspaces: 0, lostWorkspaces: 0, lostServices: 0 };
  const rawWorkspaces = Array.isArray(document.workspaces) ? document.workspaces : [];
  const workspaceIds = new Set<string>();
  const serviceIds = new Set<string>();
  const workspaces: Workspace[] = [];
  let lostServices = 0;
  for (const raw of rawWorkspaces) {
    const result = salvageWorkspace(raw, serviceIds);
    lostServices += result.lostServices;
    if (result.workspace && !workspaceIds.has(result.workspace.id)) {
      workspaceIds.add(result.workspace.id);
      workspaces.push(result.workspace);
    }
  }
  const settings = appSettingsSchema.safeParse(document.settings ?? {});
  const activeWorkspaceId = workspaces.some(
    (workspace) => workspace.id === document.activeWorkspaceId,
  )
    ? (document.activeWorkspaceId as string)
    : (workspaces[0]?.id ?? null);
  const store = workspaceStoreSchema.parse({
    schemaVersion: WORKSPACE_STORE_VERSION,
    workspaces,
    activeWorkspaceId,
    settings: settings.success ? settings.data : {},
  });
  return {
    store,
    keptWorkspaces: workspaces.length,
    lostWorkspaces: rawWorkspaces.length - workspaces.length,
    lostServices,
  };
}
