import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import type { IpcEvent, IpcRequest } from '@flowdesk/shared/ipc';
import { isPermissionName } from '@flowdesk/shared/security';
import type { ServicePermissionGrant } from '@flowdesk/shared/workspace';
import type { PermissionPromptRequest } from './permission-handlers';

/**
 * Asks the user, through the app UI, whether a service may use a permission. A question the UI
 * does not answer in time is a "no"; answers the user asks to remember are stored per service.
 */

export interface PermissionPromptDependencies {
  /** Sends `permission:requested` to the app UI. */
  send: (event: IpcEvent<'permission:requested'>) => void;
  remember: (serviceId: string, grant: ServicePermissionGrant) => void;
  newId: () => string;
  now?: () => Date;
  timeoutMs?: number;
  setTimer?: (task: () => void, ms: number) => () => void;
}

interface Pending {
  request: PermissionPromptRequest;
  resolve: (granted: boolean) => void;
  cancelTimer: () => void;
}

export class PermissionPrompts {
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => Date;
  private readonly setTimer: (task: () => void, ms: number) => () => void;

  constructor(private readonly deps: PermissionPromptDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.setTimer =
      deps.setTimer ??
      ((task, ms) => {
        const timer = setTimeout(task, ms);
        return () => clearTimeout(timer);
      });
  }

  /** Resolves true when the user allows; false on deny, timeout or an unusable request. */
  ask(request: PermissionPromptRequest): Promise<boolean> {
    if (!isPermissionName(request.permission)) return Promise.resolve(false);
    const permission = request.permission;
    // One question at a time per service and permission: a page asking again waits for the same answer.
    for (const existing of this.pending.values()) {
      if (
        existing.request.serviceId === request.serviceId &&
        existing.request.permission === permission
      ) {
        return new Promise((resolve) => {
          const previous = existing.resolve;
          existing.resolve = (granted) => {
            previous(granted);
            resolve(granted);
          };
        });
      }
    }
    const requestId = this.deps.newId();
    return new Promise((resolve) => {
      const cancelTimer = this.setTimer(
        () => this.settle(requestId, false),
        this.deps.timeoutMs ?? 60_000,
      );
      this.pending.set(requestId, { request, resolve, cancelTimer });
      this.deps.send({
        requestId,
        workspaceId: request.workspaceId,
        serviceId: request.serviceId,
        permission,
        origin: request.origin.slice(0, 2048),
        ...(request.mediaTypes ? { mediaTypes: request.mediaTypes } : {}),
      });
    });
  }

  /** The UI's answer (`permissions:decide`). */
  decide({ requestId, decision, remember }: IpcRequest<'permissions:decide'>): Result<null> {
    const pending = this.pending.get(requestId);
    if (!pending) {
      return err(
        new FlowDeskError(
          'PERMISSION_REQUEST_UNKNOWN',
          'This permission question has already been answered or has expired.',
        ),
      );
    }
    const { permission } = pending.request;
    if (remember && isPermissionName(permission)) {
      this.deps.remember(pending.request.serviceId, {
        permission,
        decision,
        ...(pending.request.mediaTypes?.length ? { mediaTypes: pending.request.mediaTypes } : {}),
        decidedAt: this.now().toISOString(),
      });
    }
    this.settle(requestId, decision === 'granted');
    return ok(null);
  }

  /** Denies everything still open (the window closed, the service was removed). */
  denyAll(serviceId?: string): void {
    for (const [requestId, pending] of this.pending) {
      if (serviceId === undefined || pending.request.serviceId === serviceId)
        this.settle(requestId, false);
    }
  }

  get openRequests(): number {
    return this.pending.size;
  }

  private settle(requestId: string, granted: boolean): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    pending.cancelTimer();
    pending.resolve(granted);
  }
}
