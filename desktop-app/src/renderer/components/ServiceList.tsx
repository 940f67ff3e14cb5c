import { memo, useState } from 'react';
import type { ViewState } from '@flowdesk/shared/ipc';
import { badgeText, serviceUnread } from '@flowdesk/shared/workspace';
import type { Workspace, WorkspaceService } from '@flowdesk/shared/workspace';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';
import { isMenuKey, menuPositionFor, useReorder } from '../state/use-reorder';
import { ContextMenu } from './ContextMenu';
import type { MenuItem } from './ContextMenu';
import { ServiceIcon } from './ServiceIcon';

export interface ServiceActions {
  onSettings: (serviceId: string) => void;
  onFind: (serviceId: string) => void;
  onRemove: (serviceId: string) => void;
  onClearData: (serviceId: string) => void;
}

type DisplayState = ViewState['state'];

/** What a row says about a service, for sighted users (dot, badge) and screen readers alike. */
function describe(service: WorkspaceService, view: ViewState | undefined) {
  const state: DisplayState = view?.state ?? 'not-loaded';
  const unread = serviceUnread(service, () => view);
  const muted = service.notifications.muted || !service.notifications.enabled;
  const parts: string[] = [strings.viewStates[state]];
  if (unread.count) parts.push(strings.unreadCount(unread.count));
  else if (unread.attention) parts.push(strings.needsAttention);
  if (muted) parts.push(strings.mutedState);
  return { state, unread, muted, label: strings.serviceLabel(service.name, parts.join(', ')) };
}

/** The active workspace's services: icon, name, state, badge; drag to reorder; options menu. */
export const ServiceList = memo(function ServiceList({
  workspace,
  views,
  actions,
}: {
  workspace: Workspace;
  views: Readonly<Record<string, ViewState>>;
  actions: ServiceActions;
}) {
  const { call, inform, license } = useFlowDesk();
  const locked = new Set(license?.locked.serviceIds ?? []);
  const [menu, setMenu] = useState<{ serviceId: string; at: { x: number; y: number } }>();
  const ids = workspace.services.map((service) => service.id);
  const reorder = useReorder(ids, (serviceIds) => {
    void call('services:reorder', { workspaceId: workspace.id, serviceIds });
  });

  const menuItems = (service: WorkspaceService): MenuItem[] => {
    const serviceId = service.id;
    const update = (patch: Parameters<typeof call<'services:update'>>[1]['patch']) =>
      void call('services:update', { serviceId, patch });
    return [
      {
        id: 'reload',
        label: strings.menu.reload,
        onSelect: () => void call('views:reload', { serviceId }),
      },
      {
        id: 'hibernate',
        label: strings.menu.hibernate,
        disabled: views[serviceId]?.state !== 'live' && views[serviceId]?.state !== 'loading',
        onSelect: () => void call('views:hibernate', { serviceId }),
      },
      { id: 'find', label: strings.menu.find, onSelect: () => actions.onFind(serviceId) },
      {
        id: 'copy-link',
        label: strings.menu.copyLink,
        onSelect: () => {
          const link = views[serviceId]?.url ?? service.url;
          void call('clipboard:write-text', { text: link }).then(
            (done) => done !== undefined && inform(strings.linkCopied),
          );
        },
      },
      {
        id: 'open-in-browser',
        label: strings.menu.openInBrowser,
        onSelect: () => void call('views:open-in-browser', { serviceId }),
      },
      {
        id: 'print',
        label: strings.menu.print,
        onSelect: () => void call('views:print', { serviceId }),
      },
      {
        id: 'notifications',
        label: strings.menu.notifications,
        checked: service.notifications.enabled,
        separatorBefore: true,
        onSelect: () => update({ notifications: { enabled: !service.notifications.enabled } }),
      },
      {
        id: 'mute',
        label: strings.menu.mute,
        checked: service.notifications.muted,
        onSelect: () => update({ notifications: { muted: !service.notifications.muted } }),
      },
      {
        id: 'audio',
        label: strings.menu.audioMuted,
        checked: service.audioMuted,
        onSelect: () => update({ audioMuted: !service.audioMuted }),
      },
      {
        id: 'keep-alive',
        label: strings.menu.keepAlive,
        checked: service.hibernation.keepAlive,
        onSelect: () => update({ hibernation: { keepAlive: !service.hibernation.keepAlive } }),
      },
      {
        id: 'up',
        label: strings.menu.moveUp,
        separatorBefore: true,
        disabled: ids[0] === serviceId,
        onSelect: () => reorder.move(serviceId, -1),
      },
      {
        id: 'down',
        label: strings.menu.moveDown,
        disabled: ids.at(-1) === serviceId,
        onSelect: () => reorder.move(serviceId, 1),
      },
      {
        id: 'settings',
        label: strings.menu.settings,
        separatorBefore: true,
        onSelect: () => actions.onSettings(serviceId),
      },
      {
        id: 'clear',
        label: strings.clearData,
        danger: true,
        onSelect: () => actions.onClearData(serviceId),
      },
      {
        id: 'remove',
        label: strings.menu.remove,
        danger: true,
        onSelect: () => actions.onRemove(serviceId),
      },
    ];
  };

  if (workspace.services.length === 0) return <p className="empty">{strings.noServices}</p>;
  const menuService = workspace.services.find((service) => service.id === menu?.serviceId);

  return (
    <>
      <ul className="service-list" aria-label={strings.servicesLabel}>
        {workspace.services.map((service) => {
          const view = views[service.id];
          const shown = describe(service, view);
          const active = service.id === workspace.activeServiceId;
          const isLocked = locked.has(service.id);
          return (
            <li key={service.id} className="service-row" {...reorder.itemProps(service.id)}>
              <button
                type="button"
                className={['service', active ? 'active' : '', isLocked ? 'locked' : '']
                  .filter(Boolean)
                  .join(' ')}
                aria-current={active ? 'page' : undefined}
                aria-label={
                  isLocked ? `${shown.label}, ${strings.licenseBanner.lockedService}` : shown.label
                }
                title={`${service.name}\n${strings.reorderHint}`}
                data-state={shown.state}
                onClick={() => void call('views:activate', { serviceId: service.id })}
                onContextMenu={(event) => {
                  event.preventDefault();
                  setMenu({ serviceId: service.id, at: { x: event.clientX, y: event.clientY } });
                }}
                onKeyDown={(event) => {
                  if (reorder.onMoveKey(service.id, event)) return;
                  if (isMenuKey(event)) {
                    event.preventDefault();
                    setMenu({ serviceId: service.id, at: menuPositionFor(event.currentTarget) });
                  }
                }}
              >
                <span className="icon-wrap">
                  <ServiceIcon source={service} />
                  <span className={`state-dot ${shown.state}`} aria-hidden="true" />
                </span>
                <span className="name" aria-hidden="true">
                  {service.name}
                </span>
                {isLocked ? (
                  <span className="lock-mark" aria-hidden="true">
                    🔒
                  </span>
                ) : null}
                {shown.muted ? (
                  <span className="muted-mark" aria-hidden="true">
                    🔕
                  </span>
                ) : null}
                {shown.unread.count > 0 ? (
                  <span className="badge" aria-hidden="true">
                    {badgeText(shown.unread.count)}
                  </span>
                ) : shown.unread.attention ? (
                  <span className="badge dot" aria-hidden="true" />
                ) : null}
              </button>
              <button
                type="button"
                className="more"
                aria-label={strings.serviceOptions(service.name)}
                aria-haspopup="menu"
                onClick={(event) =>
                  setMenu({ serviceId: service.id, at: menuPositionFor(event.currentTarget) })
                }
              >
                ⋯
              </button>
            </li>
          );
        })}
      </ul>
      {menu && menuService ? (
        <ContextMenu
          label={strings.serviceOptions(menuService.name)}
          at={menu.at}
          items={menuItems(menuService)}
          onClose={() => setMenu(undefined)}
        />
      ) : null}
    </>
  );
});
