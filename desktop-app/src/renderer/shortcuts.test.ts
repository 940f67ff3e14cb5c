import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const key = (
  key: string,
  code: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcutFor', () => {
  it('opens the quick switcher with Ctrl+K or Cmd+K', () => {
    expect(shortcutFor(key('k', 'KeyK', { ctrlKey: true }))).toEqual({ kind: 'quick-switcher' });
    expect(shortcutFor(key('K', 'KeyK', { metaKey: true }))).toEqual({ kind: 'quick-switcher' });
  });

  it('maps digits to services, and Shift+digits to workspaces, whatever the layout prints', () => {
    expect(shortcutFor(key('3', 'Digit3', { ctrlKey: true }))).toEqual({
      kind: 'service',
      index: 2,
    });
    expect(shortcutFor(key('#', 'Digit3', { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: 'workspace',
      index: 2,
    });
  });

  it('ignores keys without the command modifier, with Alt, or outside 1–9', () => {
    expect(shortcutFor(key('k', 'KeyK'))).toBeUndefined();
    expect(shortcutFor(key('k', 'KeyK', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(shortcutFor(key('0', 'Digit0', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key('x', 'KeyX', { ctrlKey: true }))).toBeUndefined();
  });
});
