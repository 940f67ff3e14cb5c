import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import type { IpcResponse, LicenseStatus } from '@flowdesk/shared/ipc';
import { PLAN_ENTITLEMENTS, planLocks } from '@flowdesk/shared/licensing';
import type { PlanLocks } from '@flowdesk/shared/licensing';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import type { LicenseManager, LicenseSnapshot } from '@flowdesk/shared/licensing';

/**
 * What the rest of the main process asks of the license: the status for the UI, what fallback
 * mode locks (computed from the workspaces as they are now), and whether a paid feature may be
 * used. Without a license manager (a build with no pinned keys) nothing is limited.
 */

const iso = (time: number | undefined) =>
  time === undefined ? undefined : new Date(time).toISOString();

export interface LicenseServiceOptions {
  /** Absent: licensing is off in this build. */
  manager?: Pick<
    LicenseManager,
    'snapshot' | 'startSignIn' | 'cancelSignIn' | 'checkNow' | 'signOut' | 'reschedule'
  >;
  store: () => WorkspaceStore;
  deviceName: string;
  /** The website's account page. */
  manageUrl?: string;
}

export class LicenseService {
  constructor(private readonly options: LicenseServiceOptions) {}

  /** Licensing that starts later (a development build fetching its local website's keys). */
  attach(manager: NonNullable<LicenseServiceOptions['manager']>): void {
    this.options.manager = manager;
  }

  /** The organization's policies changed: a shorter check interval takes effect now. */
  policiesChanged(): void {
    this.options.manager?.reschedule();
  }

  get available(): boolean {
    return this.options.manager !== undefined;
  }

  status(snapshot = this.options.manager?.snapshot()): LicenseStatus {
    const entitlements = snapshot?.state.entitlements ?? PLAN_ENTITLEMENTS.enterprise;
    const state = snapshot?.state;
    const optional = {
      licensedPlan:
        state && state.licensedPlan !== state.effectivePlan ? state.licensedPlan : undefined,
      nextCheckAt: iso(snapshot?.nextAttemptAt ?? state?.nextCheckAt),
      graceEndsAt: iso(state?.graceEndsAt),
      daysLeft: state?.daysLeft,
      lastCheckedAt: iso(snapshot?.lastCheckedAt),
      organization: snapshot?.claims?.org?.name ?? snapshot?.claims?.org?.id,
      signIn: snapshot?.signIn && {
        ...snapshot.signIn,
        expiresAt: iso(snapshot.signIn.expiresAt)!,
      },
      problem: snapshot?.problem,
      manageUrl: this.options.manageUrl,
    };
    return {
      state: state?.status ?? 'unlicensed',
      plan: state?.effectivePlan ?? 'free',
      features: [...entitlements.features],
      limits: {
        maxWorkspaces: entitlements.maxWorkspaces,
        maxServicesPerWorkspace: entitlements.maxServicesPerWorkspace,
      },
      locked: this.locks(snapshot),
      clockRollback: state?.clockRollback ?? false,
      deviceName: this.options.deviceName,
      secureStorage: snapshot?.secureStorage ?? true,
      available: this.available,
      ...(Object.fromEntries(
        Object.entries(optional).filter(([, value]) => value !== undefined),
      ) as Partial<LicenseStatus>),
    };
  }

  /** What fallback mode locks now; nothing when licensing is off. */
  locks(snapshot = this.options.manager?.snapshot()): PlanLocks {
    if (!snapshot) return { workspaceIds: [], serviceIds: [] };
    return planLocks(this.options.store().workspaces, snapshot.state.entitlements);
  }

  isServiceLocked(serviceId: string): boolean {
    return this.locks().serviceIds.includes(serviceId);
  }

  /** Refuses a paid feature the plan that applies now does not include. */
  requireFeature(feature: string, what: string): Result<null> {
    const snapshot = this.options.manager?.snapshot();
    if (!snapshot || snapshot.state.entitlements.features.includes(feature)) return ok(null);
    return err(
      new FlowDeskError(
        'FEATURE_NOT_IN_PLAN',
        `${what} is part of the paid plans. Your ${snapshot.state.entitlements.name} plan does not include it; see Settings → License.`,
      ),
    );
  }

  async startSignIn(): Promise<Result<IpcResponse<'license:sign-in'>>> {
    const manager = this.requireManager();
    if (!manager.ok) return manager;
    const started = await manager.value.startSignIn();
    return started.ok
      ? ok({ ...started.value, expiresAt: iso(started.value.expiresAt)! })
      : started;
  }

  cancelSignIn(): Result<null> {
    const manager = this.requireManager();
    if (!manager.ok) return manager;
    manager.value.cancelSignIn();
    return ok(null);
  }

  async checkNow(): Promise<Result<LicenseStatus>> {
    const manager = this.requireManager();
    if (!manager.ok) return manager;
    await manager.value.checkNow();
    return ok(this.status());
  }

  async signOut(): Promise<Result<{ deactivatedOnWebsite: boolean }>> {
    const manager = this.requireManager();
    if (!manager.ok) return manager;
    return manager.value.signOut();
  }

  private requireManager(): Result<NonNullable<LicenseServiceOptions['manager']>> {
    return this.options.manager
      ? ok(this.options.manager)
      : err(
          new FlowDeskError(
            'LICENSING_NOT_AVAILABLE',
            'This build of Flow Desk has no license keys, so there is nothing to sign in to: every feature is on.',
          ),
        );
  }
}

export type { LicenseSnapshot };
