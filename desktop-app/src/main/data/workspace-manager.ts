import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { PolicyAction } from '@flowdesk/shared/policy';
import { policyBlocked } from '../policy/policy-store';
import type { PolicyStore } from '../policy/policy-store';
import type { FieldError, Result } from '@flowdesk/shared/core';
import type { IpcRequest } from '@flowdesk/shared/ipc';
import {
  serviceInputSchema,
  validateServiceInput,
  validateServiceName,
  validateWorkspaceInput,
  validateWorkspaceName,
} from '@flowdesk/shared/security';
import type { PermissionName, ServiceProxy } from '@flowdesk/shared/security';
import {
  DEFAULT_WORKSPACE_COLOR,
  MAX_SERVICES_PER_WORKSPACE,
  applyImport,
  newId,
  sessionPartitionFor,
  workspaceServiceSchema,
  workspaceSettingsSchema,
  workspaceStoreSchema,
} from '@flowdesk/shared/workspace';
import type {
  AppSettings,
  ConflictChoice,
  ImportPreview,
  ImportResult,
  Repair,
  ServiceConfig,
  ServicePermissionGrant,
  WindowState,
  Workspace,
  WorkspaceService,
  WorkspaceStore,
} from '@flowdesk/shared/workspace';
import type { AuditEventInput } from './audit-trail';
import { applyRepairs } from './integrity';
import { storeInvalidError } from './store-errors';

/**
 * Every change to workspaces, services and settings goes through here: checked with the shared
 * validators, applied to a copy, validated as a whole, written, and only then made current and
 * announced. A change that fails at any step leaves the store exactly as it was.
 */

export interface StoreWriter {
  save(store: WorkspaceStore): Result<void>;
}

export interface WorkspaceManagerDependencies {
  repository: StoreWriter;
  now?: () => Date;
  newId?: () => string;
  /** Told about every change, to record in the audit trail. */
  audit?: (event: AuditEventInput) => void;
  /** Clears browser data (cookies, storage, cache) of the given session partitions. */
  clearPartitions?: (partitions: string[]) => Promise<void>;
  /** A change could not be saved (the change is refused; monitoring tries to recover). */
  onSaveFailed?: (error: FlowDeskError) => void;
  /** The organization's policies (policy/policy-store.ts); without it, none apply. */
  policy?: Pick<PolicyStore, 'decide' | 'required'>;
}

type Listener = (store: WorkspaceStore) => void;

function invalidInput(code: string, errors: readonly FieldError[]): FlowDeskError {
  const first = errors[0];
  return new FlowDeskError(code, first?.message ?? 'The input is not valid.', {
    details: { fields: errors },
  });
}

function isPermutation(wanted: readonly string[], existing: readonly string[]): boolean {
  return (
    wanted.length === existing.length &&
    new Set(wanted).size === wanted.length &&
    wanted.every((id) => existing.includes(id))
  );
}

export class WorkspaceManager {
  private current: WorkspaceStore;
  private readonly listeners = new Set<Listener>();
  private readonly now: () => Date;
  private readonly makeId: () => string;

  constructor(
    initial: WorkspaceStore,
    private readonly deps: WorkspaceManagerDependencies,
  ) {
    this.current = initial;
    this.now = deps.now ?? (() => new Date());
    this.makeId = deps.newId ?? (() => newId());
  }

  get store(): WorkspaceStore {
    return this.current;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  createWorkspace(input: IpcRequest<'workspaces:create'>): Result<Workspace> {
    const checked = validateWorkspaceInput(input);
    if (!checked.valid) return err(invalidInput('WORKSPACE_INPUT_INVALID', checked.errors));
    const allowed = this.allowedByPolicy({
      action: 'create-workspace',
      existingWorkspaces: this.current.workspaces.length,
    });
    if (!allowed.ok) return allowed;
    for (const service of checked.value.services) {
      const serviceAllowed = this.allowedByPolicy({ action: 'add-service', service });
      if (!serviceAllowed.ok) return serviceAllowed;
    }
    const timestamp = this.now().toISOString();
    const workspace: Workspace = {
      id: this.makeId(),
      name: checked.value.name,
      color: checked.value.color ?? DEFAULT_WORKSPACE_COLOR,
      ...(input.icon === undefined ? {} : { icon: input.icon }),
      services: checked.value.services.map((config) => this.newService(config, timestamp)),
      settings: workspaceSettingsSchema.parse({}),
      activeServiceId: null,
      createdAt: timestamp,
    };
    workspace.activeServiceId = workspace.services[0]?.id ?? null;
    const result = this.commit((draft) => {
      draft.workspaces.push(workspace);
      draft.activeWorkspaceId ??= workspace.id;
    });
    if (!result.ok) return result;
    this.record({
      type: 'workspace_created',
      workspaceId: workspace.id,
      action: 'create workspace',
      metadata: { services: workspace.services.length },
    });
    for (const service of workspace.services) {
      this.record({
        type: 'service_added',
        workspaceId: workspace.id,
        serviceId: service.id,
        action: 'add service',
        metadata: { type: service.type },
      });
    }
    return ok(this.requireWorkspace(workspace.id));
  }

  updateWorkspace({ workspaceId, patch }: IpcRequest<'workspaces:update'>): Result<Workspace> {
    const workspace = this.findWorkspace(workspaceId);
    if (!workspace) return err(this.unknownWorkspace(workspaceId));
    let name: string | undefined;
    if (patch.name !== undefined) {
      const checked = validateWorkspaceName(patch.name, 'patch.name');
      if (!checked.valid) return err(invalidInput('WORKSPACE_INPUT_INVALID', checked.errors));
      name = checked.value;
    }
    const result = this.commit((draft) => {
      const target = draft.workspaces.find((candidate) => candidate.id === workspaceId)!;
      if (name !== undefined) target.name = name;
      if (patch.color !== undefined) target.color = patch.color;
      if (patch.icon === null) delete target.icon;
      else if (patch.icon !== undefined) target.icon = patch.icon;
      const settings = patch.settings;
      if (settings?.hibernation) Object.assign(target.settings.hibernation, settings.hibernation);
      if (settings?.notifications)
        Object.assign(target.settings.notifications, settings.notifications);
      if (settings?.doNotDisturb) {
        const { schedule, ...rest } = settings.doNotDisturb;
        Object.assign(target.settings.doNotDisturb, rest);
        if (schedule === null) delete target.settings.doNotDisturb.schedule;
        else if (schedule !== undefined) target.settings.doNotDisturb.schedule = schedule;
      }
      target.updatedAt = this.now().toISOString();
    });
    if (!result.ok) return result;
    this.record({
      type: 'workspace_updated',
      workspaceId,
      action: 'update workspace',
      metadata: { fields: Object.keys(patch) },
    });
    return ok(this.requireWorkspace(workspaceId));
  }

  async removeWorkspace({
    workspaceId,
    clearData,
  }: IpcRequest<'workspaces:remove'>): Promise<Result<{ removedServiceCount: number }>> {
    const workspace = this.findWorkspace(workspaceId);
    if (!workspace) return err(this.unknownWorkspace(workspaceId));
    const partitions = [
      ...new Set(workspace.services.map((service) => this.partitionOf(workspaceId, service))),
    ];
    const result = this.commit((draft) => {
      draft.workspaces = draft.workspaces.filter((candidate) => candidate.id !== workspaceId);
      if (draft.activeWorkspaceId === workspaceId)
        draft.activeWorkspaceId = draft.workspaces[0]?.id ?? null;
    });
    if (!result.ok) return result;
    this.record({
      type: 'workspace_deleted',
      workspaceId,
      action: 'delete workspace',
      severity: 'medium',
      metadata: { services: workspace.services.length, clearData },
    });
    if (clearData) await this.clear(partitions, workspaceId);
    return ok({ removedServiceCount: workspace.services.length });
  }

  reorderWorkspaces({ workspaceIds }: IpcRequest<'workspaces:reorder'>): Result<null> {
    const existing = this.current.workspaces.map((workspace) => workspace.id);
    if (!isPermutation(workspaceIds, existing)) {
      return err(
        new FlowDeskError(
          'WORKSPACE_REORDER_INVALID',
          'The new order must list every workspace exactly once.',
        ),
      );
    }
    return this.commit((draft) => {
      draft.workspaces.sort((a, b) => workspaceIds.indexOf(a.id) - workspaceIds.indexOf(b.id));
    });
  }

  activateWorkspace({ workspaceId }: IpcRequest<'workspaces:activate'>): Result<null> {
    if (!this.findWorkspace(workspaceId)) return err(this.unknownWorkspace(workspaceId));
    return this.commit((draft) => {
      draft.activeWorkspaceId = workspaceId;
    });
  }

  addService({ workspaceId, service }: IpcRequest<'services:add'>): Result<WorkspaceService> {
    const workspace = this.findWorkspace(workspaceId);
    if (!workspace) return err(this.unknownWorkspace(workspaceId));
    if (workspace.services.length >= MAX_SERVICES_PER_WORKSPACE) {
      return err(
        new FlowDeskError(
          'WORKSPACE_TOO_MANY_SERVICES',
          `A workspace holds at most ${MAX_SERVICES_PER_WORKSPACE} services.`,
        ),
      );
    }
    const checked = validateServiceInput(service, 'service');
    if (!checked.valid) return err(invalidInput('SERVICE_INPUT_INVALID', checked.errors));
    const allowed = this.allowedByPolicy(
      { action: 'add-service', service: { type: checked.value.type, url: checked.value.url } },
      workspaceId,
    );
    if (!allowed.ok) return allowed;
    const created = this.newService(checked.value, this.now().toISOString());
    const result = this.commit((draft) => {
      const target = draft.workspaces.find((candidate) => candidate.id === workspaceId)!;
      target.services.push(created);
      target.activeServiceId ??= created.id;
    });
    if (!result.ok) return result;
    this.record({
      type: 'service_added',
      workspaceId,
      serviceId: created.id,
      action: 'add service',
      metadata: { type: created.type },
    });
    return ok(created);
  }

  updateService({ serviceId, patch }: IpcRequest<'services:update'>): Result<WorkspaceService> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    const { service, workspace } = found;
    const errors: FieldError[] = [];
    let name: string | undefined;
    if (patch.name !== undefined) {
      const checked = validateServiceName(patch.name, 'patch.name');
      if (checked.valid) name = checked.value;
      else errors.push(...checked.errors);
    }
    let url: string | undefined;
    if (patch.url !== undefined) {
      const checked = validateServiceInput(
        serviceInputSchema.parse({ type: service.type, name: service.name, url: patch.url }),
        'patch',
      );
      if (checked.valid) url = checked.value.url;
      else errors.push(...checked.errors);
    }
    if (errors.length > 0) return err(invalidInput('SERVICE_INPUT_INVALID', errors));
    if (patch.isolation === 'shared' && service.proxy.mode !== 'system') {
      return err(
        new FlowDeskError(
          'SERVICE_PROXY_NEEDS_ISOLATION',
          `${service.name} uses its own proxy, which needs its own sign-in. Set its proxy back to the system settings first, then share the sign-in.`,
        ),
      );
    }
    const result = this.commit((draft) => {
      const target = this.serviceIn(draft, serviceId)!;
      if (name !== undefined) target.name = name;
      if (url !== undefined) target.url = url;
      if (patch.isolation !== undefined) target.isolation = patch.isolation;
      if (patch.persistSession !== undefined) target.persistSession = patch.persistSession;
      if (patch.clearOnExit !== undefined) target.clearOnExit = patch.clearOnExit;
      if (patch.zoomFactor !== undefined) target.zoomFactor = patch.zoomFactor;
      if (patch.audioMuted !== undefined) target.audioMuted = patch.audioMuted;
      for (const key of ['customIcon', 'customColor', 'userAgent'] as const) {
        const value = patch[key];
        if (value === null) delete target[key];
        else if (value !== undefined) target[key] = value;
      }
      if (patch.notifications) Object.assign(target.notifications, patch.notifications);
      if (patch.hibernation) {
        const { idleMinutes, memoryCeilingMb, ...rest } = patch.hibernation;
        Object.assign(target.hibernation, rest);
        if (idleMinutes === null) delete target.hibernation.idleMinutes;
        else if (idleMinutes !== undefined) target.hibernation.idleMinutes = idleMinutes;
        if (memoryCeilingMb === null) delete target.hibernation.memoryCeilingMb;
        else if (memoryCeilingMb !== undefined)
          target.hibernation.memoryCeilingMb = memoryCeilingMb;
      }
      target.updatedAt = this.now().toISOString();
    });
    if (!result.ok) return result;
    this.record({
      type: 'service_updated',
      workspaceId: workspace.id,
      serviceId,
      action: 'update service',
      metadata: { fields: Object.keys(patch) },
    });
    return ok(this.findService(serviceId)!.service);
  }

  /**
   * Sets a service's proxy (already validated). A proxy other than the system's applies to the
   * service's own session, so the service must be isolated.
   */
  setServiceProxy(serviceId: string, proxy: ServiceProxy): Result<ServiceProxy> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    if (proxy.mode !== 'system' && found.service.isolation !== 'isolated') {
      return err(
        new FlowDeskError(
          'SERVICE_PROXY_NEEDS_ISOLATION',
          `A proxy applies to a service's own sign-in. Choose "Isolated" for ${found.service.name} first, then set its proxy.`,
        ),
      );
    }
    const result = this.commit((draft) => {
      const target = this.serviceIn(draft, serviceId)!;
      target.proxy = proxy;
      target.updatedAt = this.now().toISOString();
    });
    if (!result.ok) return result;
    this.record({
      type: 'service_updated',
      workspaceId: found.workspace.id,
      serviceId,
      action: 'set proxy',
      // Where traffic goes is worth auditing; the user name and password are not recorded.
      metadata: {
        mode: proxy.mode,
        ...(proxy.mode === 'custom'
          ? { protocol: proxy.protocol, host: proxy.host, port: proxy.port }
          : {}),
      },
    });
    return ok(proxy);
  }

  async removeService({
    serviceId,
    clearData,
  }: IpcRequest<'services:remove'>): Promise<Result<null>> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    const { workspace, service } = found;
    const partition = this.partitionOf(workspace.id, service);
    const result = this.commit((draft) => {
      const target = draft.workspaces.find((candidate) => candidate.id === workspace.id)!;
      target.services = target.services.filter((candidate) => candidate.id !== serviceId);
      if (target.activeServiceId === serviceId)
        target.activeServiceId = target.services[0]?.id ?? null;
    });
    if (!result.ok) return result;
    this.record({
      type: 'service_removed',
      workspaceId: workspace.id,
      serviceId,
      action: 'remove service',
      metadata: { clearData },
    });
    // A shared partition still serves the workspace's other services: only an own one is cleared.
    if (clearData && service.isolation === 'isolated') await this.clear([partition], workspace.id);
    return ok(null);
  }

  reorderServices({ workspaceId, serviceIds }: IpcRequest<'services:reorder'>): Result<null> {
    const workspace = this.findWorkspace(workspaceId);
    if (!workspace) return err(this.unknownWorkspace(workspaceId));
    if (
      !isPermutation(
        serviceIds,
        workspace.services.map((service) => service.id),
      )
    ) {
      return err(
        new FlowDeskError(
          'SERVICE_REORDER_INVALID',
          'The new order must list every service of the workspace exactly once.',
        ),
      );
    }
    return this.commit((draft) => {
      draft.workspaces
        .find((candidate) => candidate.id === workspaceId)!
        .services.sort((a, b) => serviceIds.indexOf(a.id) - serviceIds.indexOf(b.id));
    });
  }

  moveService({ serviceId, toWorkspaceId, index }: IpcRequest<'services:move'>): Result<null> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    const destination = this.findWorkspace(toWorkspaceId);
    if (!destination) return err(this.unknownWorkspace(toWorkspaceId));
    if (
      destination.id !== found.workspace.id &&
      destination.services.length >= MAX_SERVICES_PER_WORKSPACE
    ) {
      return err(
        new FlowDeskError(
          'WORKSPACE_TOO_MANY_SERVICES',
          `A workspace holds at most ${MAX_SERVICES_PER_WORKSPACE} services.`,
        ),
      );
    }
    return this.commit((draft) => {
      const source = draft.workspaces.find((candidate) => candidate.id === found.workspace.id)!;
      const target = draft.workspaces.find((candidate) => candidate.id === toWorkspaceId)!;
      const moving = source.services.find((candidate) => candidate.id === serviceId)!;
      source.services = source.services.filter((candidate) => candidate.id !== serviceId);
      if (source.activeServiceId === serviceId)
        source.activeServiceId = source.services[0]?.id ?? null;
      target.services.splice(
        Math.min(index ?? target.services.length, target.services.length),
        0,
        moving,
      );
      target.activeServiceId ??= moving.id;
    });
  }

  activateService(serviceId: string): Result<null> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    return this.commit((draft) => {
      draft.activeWorkspaceId = found.workspace.id;
      draft.workspaces.find((candidate) => candidate.id === found.workspace.id)!.activeServiceId =
        serviceId;
    });
  }

  /** Remembers a permission answer for a service, replacing an earlier one for the same permission. */
  rememberPermission(serviceId: string, grant: ServicePermissionGrant): Result<null> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    const result = this.commit((draft) => {
      const target = this.serviceIn(draft, serviceId)!;
      target.permissions = [
        ...target.permissions.filter(
          (existing) =>
            existing.permission !== grant.permission || existing.origin !== grant.origin,
        ),
        grant,
      ];
    });
    if (result.ok) {
      this.record({
        type: 'permission_decided',
        workspaceId: found.workspace.id,
        serviceId,
        action: `remember ${grant.decision}`,
        metadata: { permission: grant.permission },
      });
    }
    return result;
  }

  revokePermission(serviceId: string, permission: PermissionName): Result<null> {
    const found = this.findService(serviceId);
    if (!found) return err(this.unknownService(serviceId));
    const result = this.commit((draft) => {
      const target = this.serviceIn(draft, serviceId)!;
      target.permissions = target.permissions.filter(
        (existing) => existing.permission !== permission,
      );
    });
    if (result.ok) {
      this.record({
        type: 'permission_decided',
        workspaceId: found.workspace.id,
        serviceId,
        action: 'revoke',
        metadata: { permission },
      });
    }
    return result;
  }

  updateSettings(patch: IpcRequest<'settings:update'>): Result<AppSettings> {
    const result = this.commit((draft) => {
      // Nested groups are merged: a patch names only the fields it changes.
      const { spellcheck, downloads, backups, errorReports, updates, ...rest } = patch;
      Object.assign(draft.settings, rest);
      if (errorReports) Object.assign(draft.settings.errorReports, errorReports);
      if (updates) Object.assign(draft.settings.updates, updates);
      if (spellcheck) Object.assign(draft.settings.spellcheck, spellcheck);
      if (downloads) Object.assign(draft.settings.downloads, downloads);
      if (backups) Object.assign(draft.settings.backups, backups);
    });
    return result.ok ? ok(this.current.settings) : result;
  }

  /**
   * Puts workspaces from a backup in the store in one change: those with an id already here take
   * its place, the others are added. With `replaceAll`, the store holds exactly these (undoing a
   * failed restore).
   */
  restoreWorkspaces(workspaces: Workspace[], options: { replaceAll?: boolean } = {}): Result<null> {
    const result = this.commit((draft) => {
      if (options.replaceAll) {
        draft.workspaces = structuredClone(workspaces);
      } else {
        for (const workspace of workspaces) {
          const at = draft.workspaces.findIndex((existing) => existing.id === workspace.id);
          if (at >= 0) draft.workspaces[at] = structuredClone(workspace);
          else draft.workspaces.push(structuredClone(workspace));
        }
      }
      if (!draft.workspaces.some((workspace) => workspace.id === draft.activeWorkspaceId)) {
        draft.activeWorkspaceId = draft.workspaces[0]?.id ?? null;
      }
    });
    if (result.ok) {
      for (const workspace of workspaces) {
        this.record({
          type: 'backup_restored',
          severity: 'medium',
          workspaceId: workspace.id,
          action: options.replaceAll ? 'undo restore' : 'restore from backup',
          metadata: { services: workspace.services.length },
        });
      }
    }
    return result;
  }

  /**
   * Imports a configuration export, with the user's choice per conflicting workspace, in one
   * change; each added or replaced workspace's trail records it.
   */
  importWorkspaces(
    preview: ImportPreview,
    choices: Readonly<Record<string, ConflictChoice>>,
  ): Result<ImportResult> {
    let result: ImportResult | undefined;
    const committed = this.commit((draft) => {
      result = applyImport(preview, draft, choices, this.makeId);
      draft.workspaces = result.workspaces;
      draft.activeWorkspaceId ??= draft.workspaces[0]?.id ?? null;
    });
    if (!committed.ok) return committed;
    for (const [list, action] of [
      [result!.added, 'add from an export'],
      [result!.replaced, 'replace from an export'],
    ] as const) {
      for (const workspace of list) {
        this.record({
          type: 'workspaces_imported',
          severity: 'medium',
          workspaceId: workspace.workspaceId,
          action,
          metadata: { services: workspace.services },
        });
      }
    }
    return ok(result!);
  }

  /** Applies repairs the integrity check offered that change the store (ids, active choices). */
  repairStore(repairs: readonly Repair[]): Result<null> {
    const changing = repairs.filter((repair) => repair.kind !== 'remove-orphan-partition');
    if (changing.length === 0) return ok(null);
    const result = this.commit((draft) => {
      Object.assign(draft, applyRepairs(draft, changing, this.makeId));
    });
    if (result.ok) {
      for (const workspace of this.current.workspaces) {
        this.record({
          type: 'data_repaired',
          severity: 'medium',
          workspaceId: workspace.id,
          action: 'repair after an integrity check',
          metadata: { repairs: changing.map((repair) => repair.kind) },
        });
      }
    }
    return result;
  }

  /** Remembers the window's size and place (no audit entry: it is not a security event). */
  updateWindowState(window: WindowState): Result<null> {
    return this.commit((draft) => {
      draft.window = window;
    });
  }

  findService(serviceId: string): { workspace: Workspace; service: WorkspaceService } | undefined {
    for (const workspace of this.current.workspaces) {
      const service = workspace.services.find((candidate) => candidate.id === serviceId);
      if (service) return { workspace, service };
    }
    return undefined;
  }

  findWorkspace(workspaceId: string): Workspace | undefined {
    return this.current.workspaces.find((workspace) => workspace.id === workspaceId);
  }

  /** A new service, with the settings strict policies impose (isolation, clearing on exit). */
  private newService(config: ServiceConfig, timestamp: string): WorkspaceService {
    const required = this.deps.policy?.required();
    return workspaceServiceSchema.parse({
      ...config,
      ...(required?.isolation ? { isolation: required.isolation } : {}),
      ...(required?.clearSessionsOnExit ? { clearOnExit: true } : {}),
      id: this.makeId(),
      createdAt: timestamp,
    });
  }

  private partitionOf(workspaceId: string, service: WorkspaceService): string {
    return sessionPartitionFor({
      workspaceId,
      serviceId: service.id,
      isolation: service.isolation,
      persistSession: service.persistSession,
    });
  }

  private async clear(partitions: string[], workspaceId: string): Promise<void> {
    if (!this.deps.clearPartitions || partitions.length === 0) return;
    await this.deps.clearPartitions(partitions);
    this.record({
      type: 'data_cleared',
      workspaceId,
      action: 'clear browser data',
      metadata: { partitions: partitions.length },
    });
  }

  /** Applies a change to a copy; validates, saves, then publishes. */
  private commit(change: (draft: WorkspaceStore) => void): Result<null> {
    const draft = structuredClone(this.current);
    change(draft);
    const parsed = workspaceStoreSchema.safeParse(draft);
    if (!parsed.success) {
      return err(storeInvalidError(parsed.error));
    }
    const saved = this.deps.repository.save(parsed.data);
    if (!saved.ok) {
      this.deps.onSaveFailed?.(saved.error);
      return saved;
    }
    this.current = parsed.data;
    for (const listener of this.listeners) {
      try {
        listener(this.current);
      } catch {
        // A listener (the UI bridge) failing must not undo a saved change.
      }
    }
    return ok(null);
  }

  /** Asks the organization's policies; strict ones refuse with a message naming the policy. */
  private allowedByPolicy(action: PolicyAction, workspaceId?: string): Result<null> {
    const decision = this.deps.policy?.decide(action, workspaceId);
    return !decision || decision.allowed ? ok(null) : err(policyBlocked(decision));
  }

  private serviceIn(store: WorkspaceStore, serviceId: string): WorkspaceService | undefined {
    return store.workspaces
      .flatMap((workspace) => workspace.services)
      .find((service) => service.id === serviceId);
  }

  private requireWorkspace(workspaceId: string): Workspace {
    return this.findWorkspace(workspaceId)!;
  }

  private record(
    event: Omit<AuditEventInput, 'severity' | 'result'> & {
      severity?: AuditEventInput['severity'];
    },
  ): void {
    this.deps.audit?.({ severity: 'low', result: 'success', ...event });
  }

  private unknownWorkspace(workspaceId: string): FlowDeskError {
    return new FlowDeskError('WORKSPACE_NOT_FOUND', 'This workspace does not exist any more.', {
      details: { workspaceId },
    });
  }

  private unknownService(serviceId: string): FlowDeskError {
    return new FlowDeskError('SERVICE_NOT_FOUND', 'This service does not exist any more.', {
      details: { serviceId },
    });
  }
}
