/**
 * The app's keyboard shortcuts (Cmd on macOS, Ctrl elsewhere), listed in the help sheet:
 * Ctrl+K or Ctrl+Alt+K the quick switcher; Ctrl+1…9 the n-th service of the workspace;
 * Ctrl+Shift+1…9 the n-th workspace; Ctrl+Tab / Ctrl+Shift+Tab the recent services; Ctrl+F find
 * in page; Ctrl+= / - / 0 zoom; Ctrl+, settings; Ctrl+/ the help sheet.
 */
export type Shortcut =
  | { kind: 'quick-switcher' }
  | { kind: 'service'; index: number }
  | { kind: 'workspace'; index: number }
  | { kind: 'recent'; step: 1 | -1 }
  | { kind: 'find' }
  | { kind: 'zoom'; direction: 'in' | 'out' | 'reset' }
  | { kind: 'settings' }
  | { kind: 'help' };

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(event: KeyLike): Shortcut | undefined {
  // Ctrl+Tab is Ctrl on every platform (Cmd+Tab belongs to macOS).
  if (event.ctrlKey && !event.altKey && event.key === 'Tab') {
    return { kind: 'recent', step: event.shiftKey ? -1 : 1 };
  }
  const command = event.ctrlKey || event.metaKey;
  if (!command) return undefined;
  if (event.code === 'KeyK' || event.key.toLowerCase() === 'k') {
    return event.shiftKey ? undefined : { kind: 'quick-switcher' };
  }
  if (event.altKey) return undefined;
  // The physical digit key: with Shift, event.key is "!" or "@" depending on the layout.
  const digit = /^Digit([1-9])$/.exec(event.code);
  if (digit) {
    const index = Number(digit[1]) - 1;
    return event.shiftKey ? { kind: 'workspace', index } : { kind: 'service', index };
  }
  if (event.shiftKey && event.key !== '+') return undefined;
  switch (event.key) {
    case 'f':
    case 'F':
      return { kind: 'find' };
    case '=':
    case '+':
      return { kind: 'zoom', direction: 'in' };
    case '-':
      return { kind: 'zoom', direction: 'out' };
    case '0':
      return { kind: 'zoom', direction: 'reset' };
    case ',':
      return { kind: 'settings' };
    case '/':
      return { kind: 'help' };
    default:
      return undefined;
  }
}

/**
 * Shortcuts taken from a service page even when it has focus (the main process stops them
 * reaching the page). Ctrl+K without Alt is left to the page: Slack, Linear and Notion use it.
 */
export function overridesPage(event: KeyLike): boolean {
  const shortcut = shortcutFor(event);
  if (!shortcut) return false;
  return shortcut.kind !== 'quick-switcher' || event.altKey;
}
