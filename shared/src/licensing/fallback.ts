import type { PlanEntitlements } from './plans';

/**
 * Fallback mode (issue 7): when the plan that applies allows fewer workspaces or services than
 * exist, the first ones in the user's order stay usable and the rest are locked — kept with
 * everything in them, shown with an explanation, and usable again the moment the license is.
 * Nothing is ever deleted for a plan.
 */

export interface PlanLocks {
  workspaceIds: string[];
  /** Services that cannot be opened: those of locked workspaces, and those over the limit. */
  serviceIds: string[];
}

export function planLocks(
  workspaces: readonly { id: string; services: readonly { id: string }[] }[],
  limits: Pick<PlanEntitlements, 'maxWorkspaces' | 'maxServicesPerWorkspace'>,
): PlanLocks {
  const locks: PlanLocks = { workspaceIds: [], serviceIds: [] };
  workspaces.forEach((workspace, index) => {
    const workspaceLocked = limits.maxWorkspaces !== null && index >= limits.maxWorkspaces;
    if (workspaceLocked) locks.workspaceIds.push(workspace.id);
    workspace.services.forEach((service, serviceIndex) => {
      const overLimit =
        limits.maxServicesPerWorkspace !== null && serviceIndex >= limits.maxServicesPerWorkspace;
      if (workspaceLocked || overLimit) locks.serviceIds.push(service.id);
    });
  });
  return locks;
}
