import { badgeText } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import type { UnreadBadge } from '@flowdesk/shared/workspace';

/**
 * What the tray (and the Windows taskbar overlay) shows: a tooltip with the unread total, a dot
 * when something waits, and a menu to open the window, jump to a workspace or quit. Computed
 * here so the Electron side only draws it.
 */

export type TrayMenuItem =
  | { kind: 'show'; label: string }
  | { kind: 'workspace'; workspaceId: string; label: string; active: boolean }
  | { kind: 'lock'; label: string }
  | { kind: 'quit'; label: string };

export interface TrayModel {
  tooltip: string;
  /** Shown next to the icon in the macOS menu bar; empty when nothing is unread. */
  title: string;
  /** Whether to draw the unread dot on the icon and the taskbar overlay. */
  hasUnread: boolean;
  /** For screen readers on Windows: the overlay icon's description. */
  overlayDescription: string;
  menu: TrayMenuItem[];
}

export interface TrayInput {
  store: Pick<WorkspaceStore, 'workspaces' | 'activeWorkspaceId'>;
  total: UnreadBadge;
  byWorkspace: ReadonlyMap<string, UnreadBadge>;
  /** While locked the menu names no workspace: their names are private too. */
  locked: boolean;
  lockEnabled: boolean;
}

/** The tray menu lists the first workspaces; the rest are a click away in the window. */
const MAX_WORKSPACES_IN_MENU = 9;

const unreadLabel = (badge: UnreadBadge): string =>
  badge.count > 0 ? `${badgeText(badge.count)} unread` : badge.attention ? 'new activity' : '';

export function trayModel(input: TrayInput): TrayModel {
  const { total } = input;
  const summary = unreadLabel(total);
  const hasUnread = total.count > 0 || total.attention;
  const menu: TrayMenuItem[] = [{ kind: 'show', label: 'Open Flow Desk' }];
  if (!input.locked) {
    for (const workspace of input.store.workspaces.slice(0, MAX_WORKSPACES_IN_MENU)) {
      const badge = input.byWorkspace.get(workspace.id);
      const extra = badge ? unreadLabel(badge) : '';
      menu.push({
        kind: 'workspace',
        workspaceId: workspace.id,
        label: extra ? `${workspace.name} (${extra})` : workspace.name,
        active: workspace.id === input.store.activeWorkspaceId,
      });
    }
  }
  if (input.lockEnabled && !input.locked) menu.push({ kind: 'lock', label: 'Lock Flow Desk' });
  menu.push({ kind: 'quit', label: 'Quit Flow Desk' });
  return {
    tooltip: input.locked ? 'Flow Desk (locked)' : summary ? `Flow Desk: ${summary}` : 'Flow Desk',
    title: input.locked || total.count === 0 ? '' : badgeText(total.count),
    hasUnread: hasUnread && !input.locked,
    overlayDescription: input.locked ? '' : summary ? `Flow Desk: ${summary}` : '',
    menu,
  };
}
