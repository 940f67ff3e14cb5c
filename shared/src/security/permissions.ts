import { z } from 'zod';

/**
 * Every permission Electron 45 passes to a session's permission request and check handlers
 * (`Session.setPermissionRequestHandler` / `setPermissionCheckHandler` in electron.d.ts).
 * A name not in this list is denied.
 */
export const PERMISSION_NAMES = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
] as const;

export type PermissionName = (typeof PERMISSION_NAMES)[number];
export const permissionNameSchema = z.enum(PERMISSION_NAMES);

export function isPermissionName(value: unknown): value is PermissionName {
  return permissionNameSchema.safeParse(value).success;
}

/**
 * What a service view gets without a remembered decision:
 * - `auto`: harmless for the page's own origin, granted without asking (copy buttons,
 *   fullscreen video, keeping the screen awake during a call);
 * - `ask`: the user is asked once per service and the answer is remembered;
 * - `never`: no web service in a Flow Desk view needs it, or Flow Desk handles it itself
 *   (`openExternal` goes through the link rules), so it is denied without asking.
 */
export type PermissionPolicy = 'auto' | 'ask' | 'never';

const AUTO: ReadonlySet<PermissionName> = new Set<PermissionName>([
  'clipboard-sanitized-write',
  'fullscreen',
  'mediaKeySystem',
  'persistent-storage',
  'screen-wake-lock',
]);

const ASK: ReadonlySet<PermissionName> = new Set<PermissionName>([
  'notifications',
  'media',
  'display-capture',
  'clipboard-read',
  'geolocation',
  'geolocation-approximate',
  'pointerLock',
  'keyboardLock',
  'midi',
  'idle-detection',
  'local-fonts',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'captured-surface-control',
]);

export function permissionPolicy(permission: PermissionName): PermissionPolicy {
  if (AUTO.has(permission)) return 'auto';
  return ASK.has(permission) ? 'ask' : 'never';
}

/** How a permission is named to the user in a prompt and in settings. */
export const PERMISSION_LABELS: Readonly<Partial<Record<PermissionName, string>>> = {
  notifications: 'Show notifications',
  media: 'Use your camera or microphone',
  'display-capture': 'Share your screen',
  'clipboard-read': 'See what you copy (read the clipboard)',
  geolocation: 'Know your location',
  'geolocation-approximate': 'Know your approximate location',
  pointerLock: 'Lock the mouse pointer',
  keyboardLock: 'Capture keyboard shortcuts',
  midi: 'Use MIDI devices',
  'idle-detection': 'Know when you are away from the computer',
  'local-fonts': 'Use the fonts installed on this computer',
  'speaker-selection': 'Choose your speakers',
  'storage-access': 'Use its sign-in cookies inside other sites',
  'top-level-storage-access': 'Use its sign-in cookies across its own sites',
  'window-management': 'Place windows on your other screens',
  'captured-surface-control': 'Scroll and zoom a tab you share',
};

export function permissionLabel(permission: PermissionName): string {
  return PERMISSION_LABELS[permission] ?? permission;
}
