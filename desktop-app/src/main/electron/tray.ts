import { Menu, Tray, app, nativeImage } from 'electron';
import type { BaseWindow, MenuItemConstructorOptions, NativeImage } from 'electron';
import { trayIconPng, unreadOverlayPng } from '../views/icon-painter';
import type { TrayMenuItem, TrayModel } from '../views/tray-model';

/**
 * The tray icon (menu-bar item on macOS), the dock badge and the Windows taskbar overlay, drawn
 * from a TrayModel. Everything it shows is decided in views/tray-model.ts.
 */

export interface TrayActions {
  show: () => void;
  openWorkspace: (workspaceId: string) => void;
  lock: () => void;
  quit: () => void;
}

function icon(unread: boolean): NativeImage {
  const template = process.platform === 'darwin';
  // Menu bars and notification areas draw 16 pt icons; Linux trays often 22-24 px.
  const base = process.platform === 'linux' ? 24 : 16;
  const image = nativeImage.createEmpty();
  for (const scaleFactor of [1, 2]) {
    const size = base * scaleFactor;
    image.addRepresentation({
      scaleFactor,
      width: base,
      height: base,
      buffer: trayIconPng({ size, unread, template }),
    });
  }
  if (template) image.setTemplateImage(true);
  return image;
}

export class TrayController {
  private tray: Tray | undefined;
  private readonly icons = { plain: icon(false), unread: icon(true) };
  private readonly overlay = nativeImage.createFromBuffer(unreadOverlayPng(32), {
    scaleFactor: 2,
  });
  private shownKey = '';

  constructor(
    private readonly window: BaseWindow,
    private readonly actions: TrayActions,
  ) {}

  get enabled(): boolean {
    return this.tray !== undefined;
  }

  setEnabled(enabled: boolean): void {
    if (enabled && !this.tray) {
      this.tray = new Tray(this.icons.plain);
      this.shownKey = '';
      // Windows and Linux: a click on the icon opens the window; the menu is on right click.
      this.tray.on('click', () => this.actions.show());
    } else if (!enabled && this.tray) {
      this.tray.destroy();
      this.tray = undefined;
    }
  }

  update(model: TrayModel, badgeCount: number): void {
    // The dock (macOS) and Unity launcher (Linux) badge; Windows uses the overlay below.
    app.setBadgeCount(badgeCount);
    if (process.platform === 'win32' && !this.window.isDestroyed()) {
      this.window.setOverlayIcon(model.hasUnread ? this.overlay : null, model.overlayDescription);
    }
    const tray = this.tray;
    if (!tray) return;
    const key = JSON.stringify(model);
    if (key === this.shownKey) return;
    this.shownKey = key;
    tray.setImage(model.hasUnread ? this.icons.unread : this.icons.plain);
    tray.setToolTip(model.tooltip);
    if (process.platform === 'darwin') tray.setTitle(model.title);
    const template: MenuItemConstructorOptions[] = [];
    let previous: TrayMenuItem['kind'] | undefined;
    for (const item of model.menu) {
      // Groups: open, workspaces, then lock and quit.
      const group = (kind: TrayMenuItem['kind']) => (kind === 'lock' ? 'quit' : kind);
      if (previous && group(previous) !== group(item.kind)) template.push({ type: 'separator' });
      template.push(this.menuItem(item));
      previous = item.kind;
    }
    tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  destroy(): void {
    this.setEnabled(false);
  }

  private menuItem(item: TrayMenuItem): MenuItemConstructorOptions {
    switch (item.kind) {
      case 'show':
        return { label: item.label, click: () => this.actions.show() };
      case 'workspace':
        return {
          label: item.label,
          type: 'radio',
          checked: item.active,
          click: () => this.actions.openWorkspace(item.workspaceId),
        };
      case 'lock':
        return { label: item.label, click: () => this.actions.lock() };
      case 'quit':
        return { label: item.label, click: () => this.actions.quit() };
    }
  }
}
