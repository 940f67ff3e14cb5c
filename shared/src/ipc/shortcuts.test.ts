import { describe, expect, it } from 'vitest';
import { overridesPage, shortcutFor } from './shortcuts';

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
    expect(shortcutFor(key('1', 'Digit1', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(shortcutFor(key('K', 'KeyK', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(shortcutFor(key('F', 'KeyF', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(shortcutFor(key('x', 'KeyX', { ctrlKey: true }))).toBeUndefined();
  });

  it('goes through recent services with Ctrl+Tab, forwards and backwards', () => {
    expect(shortcutFor(key('Tab', 'Tab', { ctrlKey: true }))).toEqual({ kind: 'recent', step: 1 });
    expect(shortcutFor(key('Tab', 'Tab', { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: 'recent',
      step: -1,
    });
    expect(shortcutFor(key('Tab', 'Tab', { metaKey: true }))).toBeUndefined();
  });

  it('maps find, zoom, settings and help', () => {
    const ctrl = { ctrlKey: true };
    expect(shortcutFor(key('f', 'KeyF', ctrl))).toEqual({ kind: 'find' });
    expect(shortcutFor(key('=', 'Equal', ctrl))).toEqual({ kind: 'zoom', direction: 'in' });
    expect(shortcutFor(key('+', 'Equal', { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: 'zoom',
      direction: 'in',
    });
    expect(shortcutFor(key('-', 'Minus', ctrl))).toEqual({ kind: 'zoom', direction: 'out' });
    expect(shortcutFor(key('0', 'Digit0', ctrl))).toEqual({ kind: 'zoom', direction: 'reset' });
    expect(shortcutFor(key(',', 'Comma', ctrl))).toEqual({ kind: 'settings' });
    expect(shortcutFor(key('/', 'Slash', ctrl))).toEqual({ kind: 'help' });
  });

  it('takes app shortcuts from a page, but leaves plain Ctrl+K to it', () => {
    expect(overridesPage(key('2', 'Digit2', { ctrlKey: true }))).toBe(true);
    expect(overridesPage(key('k', 'KeyK', { ctrlKey: true }))).toBe(false);
    expect(overridesPage(key('k', 'KeyK', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(overridesPage(key('a', 'KeyA', { ctrlKey: true }))).toBe(false);
  });
});
