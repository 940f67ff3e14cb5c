import type { Workspace, WorkspaceService, WorkspaceStore } from './schemas';

/**
 * What asks for the user's attention: unread counts summed for the sidebar and the tray/dock,
 * and whether a workspace is in do-not-disturb right now. One definition, used by the app UI
 * and the main process, so the badge on the dock and the one in the sidebar always agree.
 */

/** The part of a view's state that counts (see ViewState in shared/src/ipc). */
export interface UnreadSource {
  unread?: number | undefined;
  needsAttention?: boolean | undefined;
}

export type UnreadLookup = (serviceId: string) => UnreadSource | undefined;

export interface UnreadSummary {
  /** Sum of the counts of the services that show a badge. */
  count: number;
  /** A service without a count asks for attention (a dot badge). */
  attention: boolean;
}

const NOTHING: UnreadSummary = { count: 0, attention: false };

export function serviceUnread(
  service: Pick<WorkspaceService, 'id' | 'notifications'>,
  lookup: UnreadLookup,
): UnreadSummary {
  if (!service.notifications.showBadge) return NOTHING;
  const source = lookup(service.id);
  if (!source) return NOTHING;
  const count = source.unread ?? 0;
  return { count, attention: count === 0 && source.needsAttention === true };
}

function sum(summaries: Iterable<UnreadSummary>): UnreadSummary {
  let count = 0;
  let attention = false;
  for (const summary of summaries) {
    count += summary.count;
    attention ||= summary.attention;
  }
  return { count, attention };
}

export function workspaceUnread(workspace: Pick<Workspace, 'services'>, lookup: UnreadLookup) {
  return sum(workspace.services.map((service) => serviceUnread(service, lookup)));
}

/** The figure on the tray and dock: every workspace's badges together. */
export function totalUnread(store: Pick<WorkspaceStore, 'workspaces'>, lookup: UnreadLookup) {
  return sum(store.workspaces.map((workspace) => workspaceUnread(workspace, lookup)));
}

/** "99+" past 99, so a badge stays small. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

type DoNotDisturb = Workspace['settings']['doNotDisturb'];

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Whether a workspace's notifications are held back at `at` (local time). `enabled` without a
 * schedule means "until I turn it off"; with a schedule, quiet hours apply on the listed days,
 * and hours that end before they start run past midnight (22:00–07:00 started on Friday covers
 * Saturday morning). Equal start and end mean the whole day.
 */
export function isDoNotDisturbActive(dnd: DoNotDisturb, at: Date): boolean {
  if (!dnd.enabled) return false;
  const schedule = dnd.schedule;
  if (!schedule) return true;
  const start = minutesOf(schedule.start);
  const end = minutesOf(schedule.end);
  const now = at.getHours() * 60 + at.getMinutes();
  const today = at.getDay();
  const yesterday = (today + 6) % 7;
  if (start === end) return schedule.days.includes(today);
  if (start < end) return schedule.days.includes(today) && now >= start && now < end;
  return (
    (schedule.days.includes(today) && now >= start) ||
    (schedule.days.includes(yesterday) && now < end)
  );
}

/** Whether a service's page may show a notification banner now. Muted still counts badges. */
export function mayNotify(
  workspace: Pick<Workspace, 'settings'>,
  service: Pick<WorkspaceService, 'notifications'>,
  at: Date,
): boolean {
  return (
    workspace.settings.notifications.enabled &&
    service.notifications.enabled &&
    !service.notifications.muted &&
    !isDoNotDisturbActive(workspace.settings.doNotDisturb, at)
  );
}
