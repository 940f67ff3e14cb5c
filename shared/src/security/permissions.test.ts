import { describe, expect, it } from 'vitest';
import {
  PERMISSION_LABELS,
  PERMISSION_NAMES,
  isPermissionName,
  permissionLabel,
  permissionPolicy,
} from './permissions';

describe('permissions', () => {
  it('recognises Electron permission names only', () => {
    expect(isPermissionName('media')).toBe(true);
    expect(isPermissionName('camera')).toBe(false);
    expect(isPermissionName(undefined)).toBe(false);
  });

  it('labels every permission a user can be asked for', () => {
    const asked = PERMISSION_NAMES.filter((name) => permissionPolicy(name) === 'ask');
    expect(asked.length).toBeGreaterThan(10);
    for (const name of asked) expect(PERMISSION_LABELS[name], name).toBeTruthy();
    expect(permissionLabel('media')).toBe('Use your camera or microphone');
    expect(permissionLabel('usb')).toBe('usb');
  });

  it('never lets device access or openExternal through the prompt', () => {
    for (const name of ['hid', 'serial', 'usb', 'openExternal', 'unknown'] as const) {
      expect(permissionPolicy(name)).toBe('never');
    }
  });
});
