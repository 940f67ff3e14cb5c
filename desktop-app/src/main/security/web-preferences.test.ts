import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  HARDENED_WEB_PREFERENCES,
  appUiViewOptions,
  serviceViewOptions,
  servicePopupWindowOptions,
  serviceViewWebPreferences,
} from './web-preferences';

const service = { partition: 'persist:ws-work', spellcheck: true };

describe('the webPreferences factory', () => {
  it('makes service views sandboxed, isolated, without Node, preload or experiments', () => {
    expect(serviceViewWebPreferences(service)).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      partition: 'persist:ws-work',
      spellcheck: true,
      backgroundThrottling: true,
    });
    expect(serviceViewWebPreferences(service)).not.toHaveProperty('preload');
    expect(serviceViewWebPreferences(service)).not.toHaveProperty('enableBlinkFeatures');
  });

  it('gives popups exactly the hardening and session of their service view', () => {
    const popup = servicePopupWindowOptions({ ...service, title: 'Sign in' });
    expect(popup.webPreferences).toEqual(serviceViewWebPreferences(service));
    expect(popup.title).toBe('Sign in');
    expect(servicePopupWindowOptions(service)).not.toHaveProperty('title');
    expect(serviceViewOptions(service).webPreferences).toEqual(serviceViewWebPreferences(service));
  });

  it('gives the app UI the same hardening plus its preload', () => {
    const ui = appUiViewOptions({ preloadPath: '/app/out/preload/index.cjs' }).webPreferences;
    expect(ui).toMatchObject({
      ...HARDENED_WEB_PREFERENCES,
      preload: '/app/out/preload/index.cjs',
    });
    expect(ui).not.toHaveProperty('partition');
  });

  it('cannot be loosened by changing the shared defaults', () => {
    expect(Object.isFrozen(HARDENED_WEB_PREFERENCES)).toBe(true);
  });
});

describe('webPreferences appear only in the factory', () => {
  const sourceRoot = fileURLToPath(new URL('../..', import.meta.url));
  const factory = fileURLToPath(new URL('./web-preferences.ts', import.meta.url));

  function sourceFiles(directory: string): string[] {
    return readdirSync(directory).flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('the scan finds the factory itself, so it can fail', () => {
    expect(sourceFiles(sourceRoot)).toContain(factory);
    expect(/\bwebPreferences\b/.test(readFileSync(factory, 'utf8'))).toBe(true);
  });

  it('no other source file sets webPreferences', () => {
    const offenders = sourceFiles(sourceRoot)
      .filter((file) => file !== factory)
      .filter((file) => /\bwebPreferences\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(sourceRoot, file));
    expect(offenders).toEqual([]);
  });
});
