/**
 * The app's keyboard shortcuts: Ctrl+K (Cmd+K on macOS) opens the quick switcher; Ctrl/Cmd+1…9
 * opens the n-th service of the workspace; Ctrl/Cmd+Shift+1…9 the n-th workspace.
 */
export type Shortcut =
  | { kind: 'quick-switcher' }
  | { kind: 'service'; index: number }
  | { kind: 'workspace'; index: number };

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(event: KeyLike): Shortcut | undefined {
  const command = event.ctrlKey || event.metaKey;
  if (!command || event.altKey) return undefined;
  if (!event.shiftKey && event.key.toLowerCase() === 'k') return { kind: 'quick-switcher' };
  // The physical digit key: with Shift, event.key is "!" or "@" depending on the layout.
  const digit = /^Digit([1-9])$/.exec(event.code);
  if (!digit) return undefined;
  const index = Number(digit[1]) - 1;
  return event.shiftKey ? { kind: 'workspace', index } : { kind: 'service', index };
}
