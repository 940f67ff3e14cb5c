import { memo, useState } from 'react';
import { initialsFor, readableForeground } from '@flowdesk/shared/catalog';
import type { ViewState } from '@flowdesk/shared/ipc';
import { badgeText, workspaceUnread } from '@flowdesk/shared/workspace';
import type { Workspace, WorkspaceStore } from '@flowdesk/shared/workspace';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';
import { isMenuKey, menuPositionFor, useReorder } from '../state/use-reorder';
import { ContextMenu } from './ContextMenu';

type Theme = WorkspaceStore['settings']['theme'];
const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_SYMBOL: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

export interface WorkspaceActions {
  onNew: () => void;
  onEdit: (workspaceId: string) => void;
  onDelete: (workspaceId: string) => void;
  onNotificationSettings: () => void;
  onSettings: () => void;
  onHelp: () => void;
  onDownloads: () => void;
}

/** The left rail: one tile per workspace (icon or initials, colour, unread sum), and app actions. */
export const WorkspaceRail = memo(function WorkspaceRail({
  store,
  views,
  actions,
}: {
  store: WorkspaceStore;
  views: Readonly<Record<string, ViewState>>;
  actions: WorkspaceActions;
}) {
  const { call, downloads, license } = useFlowDesk();
  const locked = new Set(license?.locked.workspaceIds ?? []);
  const runningDownloads = downloads.filter((download) => download.finishedAt === undefined).length;
  const [menu, setMenu] = useState<{ workspace: Workspace; at: { x: number; y: number } }>();
  const ids = store.workspaces.map((workspace) => workspace.id);
  const reorder = useReorder(ids, (workspaceIds) => {
    void call('workspaces:reorder', { workspaceIds });
  });
  const theme = store.settings.theme;
  const lookup = (serviceId: string) => views[serviceId];

  return (
    <nav className="workspaces" aria-label={strings.workspacesLabel}>
      <ul className="workspace-list">
        {store.workspaces.map((workspace) => {
          const unread = workspaceUnread(workspace, lookup);
          const active = workspace.id === store.activeWorkspaceId;
          const details = unread.count
            ? strings.unreadCount(unread.count)
            : unread.attention
              ? strings.needsAttention
              : '';
          return (
            <li key={workspace.id} {...reorder.itemProps(workspace.id)}>
              <button
                type="button"
                className={[
                  'workspace',
                  active ? 'active' : '',
                  locked.has(workspace.id) ? 'locked' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                style={{
                  backgroundColor: workspace.color,
                  color: readableForeground(workspace.color),
                }}
                title={`${workspace.name}\n${strings.reorderHint}`}
                aria-label={strings.workspaceLabel(
                  workspace.name,
                  locked.has(workspace.id)
                    ? [details, strings.licenseBanner.lockedService].filter(Boolean).join(', ')
                    : details,
                )}
                aria-current={active ? 'page' : undefined}
                onClick={() => void call('workspaces:activate', { workspaceId: workspace.id })}
                onContextMenu={(event) => {
                  event.preventDefault();
                  setMenu({ workspace, at: { x: event.clientX, y: event.clientY } });
                }}
                onKeyDown={(event) => {
                  if (reorder.onMoveKey(workspace.id, event)) return;
                  if (isMenuKey(event)) {
                    event.preventDefault();
                    setMenu({ workspace, at: menuPositionFor(event.currentTarget) });
                  }
                }}
              >
                <span aria-hidden="true">{workspace.icon ?? initialsFor(workspace.name)}</span>
                {locked.has(workspace.id) ? (
                  <span className="lock-mark" aria-hidden="true">
                    🔒
                  </span>
                ) : null}
                {unread.count > 0 ? (
                  <span className="badge" aria-hidden="true">
                    {badgeText(unread.count)}
                  </span>
                ) : unread.attention ? (
                  <span className="badge dot" aria-hidden="true" />
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="workspace add"
        aria-label={strings.newWorkspace}
        title={strings.newWorkspace}
        onClick={actions.onNew}
      >
        +
      </button>
      <div className="rail-actions">
        <button
          type="button"
          className="rail-button downloads-button"
          aria-label={strings.downloads.button(runningDownloads)}
          title={strings.downloads.button(runningDownloads)}
          onClick={actions.onDownloads}
        >
          ↓
          {runningDownloads > 0 ? (
            <span className="badge" aria-hidden="true">
              {runningDownloads}
            </span>
          ) : null}
        </button>
        <button
          type="button"
          className="rail-button"
          aria-label={strings.theme(strings.themeNames[theme])}
          title={strings.theme(strings.themeNames[theme])}
          onClick={() => void call('settings:update', { theme: NEXT_THEME[theme] })}
        >
          {THEME_SYMBOL[theme]}
        </button>
        <button
          type="button"
          className="rail-button"
          aria-label={strings.help}
          title={strings.help}
          onClick={actions.onHelp}
        >
          ?
        </button>
        <button
          type="button"
          className="rail-button"
          aria-label={strings.settings}
          title={strings.settings}
          onClick={actions.onSettings}
        >
          ⚙
        </button>
      </div>
      {menu ? (
        <ContextMenu
          label={strings.workspaceOptions(menu.workspace.name)}
          at={menu.at}
          onClose={() => setMenu(undefined)}
          items={[
            {
              id: 'edit',
              label: strings.editWorkspaceMenu,
              onSelect: () => actions.onEdit(menu.workspace.id),
            },
            {
              id: 'notifications',
              label: strings.settingsSections.notifications,
              onSelect: () => {
                void call('workspaces:activate', { workspaceId: menu.workspace.id });
                actions.onNotificationSettings();
              },
            },
            {
              id: 'up',
              label: strings.menu.moveUp,
              disabled: ids[0] === menu.workspace.id,
              separatorBefore: true,
              onSelect: () => reorder.move(menu.workspace.id, -1),
            },
            {
              id: 'down',
              label: strings.menu.moveDown,
              disabled: ids.at(-1) === menu.workspace.id,
              onSelect: () => reorder.move(menu.workspace.id, 1),
            },
            {
              id: 'delete',
              label: strings.deleteWorkspace,
              danger: true,
              separatorBefore: true,
              onSelect: () => actions.onDelete(menu.workspace.id),
            },
          ]}
        />
      ) : null}
    </nav>
  );
});
