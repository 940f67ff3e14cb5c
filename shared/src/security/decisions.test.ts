import { describe, expect, it } from 'vitest';
import {
  decideExternalOpen,
  decideNavigation,
  decidePermission,
  decidePopup,
  isPermissionGranted,
} from './decisions';
import type { PermissionGrantLike } from './decisions';
import type { NavigationScope } from './scope';

const slack: NavigationScope = {
  serviceDomains: ['slack.com', 'slack-edge.com'],
  serviceOrigins: [],
  signInOrigins: ['https://accounts.google.com', 'https://appleid.apple.com'],
};

const homeServer: NavigationScope = {
  serviceDomains: [],
  serviceOrigins: ['http://192.168.1.20:8123'],
  signInOrigins: [],
};

describe('decideNavigation', () => {
  it.each([
    ['https://app.slack.com/client/T1/C2', 'allow', 'service-origin'],
    ['https://files.slack-edge.com/a.png', 'allow', 'service-origin'],
    ['https://accounts.google.com/o/oauth2/v2/auth?client_id=1', 'allow', 'sign-in-origin'],
    ['about:blank', 'allow', 'blank-page'],
    ['blob:https://app.slack.com/6e1c-4a', 'allow', 'service-origin'],
    ['https://github.com/org/repo', 'open-external', 'outside-service'],
    ['https://slack.com.attacker.example/login', 'open-external', 'outside-service'],
    ['http://app.slack.com/client', 'open-external', 'outside-service'],
    ['mailto:help@slack.com', 'open-external', 'external-app'],
    ['blob:https://attacker.example/6e1c', 'block', 'scheme-not-allowed'],
    ['javascript:alert(document.cookie)', 'block', 'scheme-not-allowed'],
    ['data:text/html,<h1>x</h1>', 'block', 'scheme-not-allowed'],
    ['file:///etc/passwd', 'block', 'scheme-not-allowed'],
    ['chrome://gpu', 'block', 'scheme-not-allowed'],
    ['slack://open?team=T1', 'block', 'scheme-not-allowed'],
    ['about:srcdoc', 'block', 'scheme-not-allowed'],
    ['https://user:pass@evil.example/', 'block', 'malformed-url'],
    ['not a url', 'block', 'malformed-url'],
  ] as const)('%s → %s (%s)', (url, action, reason) => {
    expect(decideNavigation(url, slack)).toEqual({ action, reason });
  });

  it('keeps a self-hosted http server in its view, but only its exact origin', () => {
    expect(decideNavigation('http://192.168.1.20:8123/lovelace', homeServer).action).toBe('allow');
    expect(decideNavigation('http://192.168.1.20:9000/', homeServer).action).toBe('open-external');
  });

  it('blocks anything that is not a string', () => {
    expect(decideNavigation(undefined, slack)).toEqual({
      action: 'block',
      reason: 'malformed-url',
    });
  });
});

describe('decidePopup', () => {
  it.each([
    ['https://accounts.google.com/signin', 'allow-in-app', 'sign-in-origin'],
    ['https://app.slack.com/huddle', 'allow-in-app', 'service-origin'],
    ['about:blank', 'allow-in-app', 'blank-popup'],
    ['', 'allow-in-app', 'blank-popup'],
    ['https://example.com/article', 'open-external', 'outside-service'],
    ['mailto:a@example.com', 'open-external', 'external-app'],
    ['javascript:void(0)', 'deny', 'scheme-not-allowed'],
    ['file:///C:/Windows/system32/calc.exe', 'deny', 'scheme-not-allowed'],
    ['%%%', 'deny', 'malformed-url'],
  ] as const)('%j → %s (%s)', (url, action, reason) => {
    expect(decidePopup(url, slack)).toEqual({ action, reason });
  });
});

describe('decideExternalOpen', () => {
  it('returns the re-serialised URL for web and mail links', () => {
    expect(decideExternalOpen('https://EXAMPLE.com/a b')).toEqual({
      allowed: true,
      url: 'https://example.com/a%20b',
    });
    expect(decideExternalOpen('mailto:a@example.com?subject=hi')).toEqual({
      allowed: true,
      url: 'mailto:a@example.com?subject=hi',
    });
  });

  it.each([
    ['file:///etc/passwd', 'scheme-not-allowed'],
    ['smb://server/share', 'scheme-not-allowed'],
    ['ms-msdt:/id PCWDiagnostic', 'scheme-not-allowed'],
    ['javascript:alert(1)', 'scheme-not-allowed'],
    ['https://bank.example@attacker.example/', 'malformed-url'],
    ['nonsense', 'malformed-url'],
    [`https://example.com/${'a'.repeat(9000)}`, 'malformed-url'],
    [42, 'malformed-url'],
  ] as const)('refuses %s (%s)', (url, reason) => {
    expect(decideExternalOpen(url)).toEqual({ allowed: false, reason });
  });
});

describe('decidePermission', () => {
  const at = (permission: string, requestingOrigin = 'https://app.slack.com') => ({
    permission,
    requestingOrigin,
  });

  it('denies unknown permission names', () => {
    expect(decidePermission(at('telepathy'), slack)).toEqual({
      decision: 'deny',
      reason: 'unknown-permission',
    });
  });

  it('denies origins outside the service, including sign-in providers and embeds', () => {
    for (const origin of ['https://accounts.google.com', 'https://ads.example', 'garbage']) {
      expect(decidePermission(at('notifications', origin), slack)).toMatchObject({
        decision: 'deny',
        reason: 'origin-not-in-scope',
      });
    }
  });

  it('denies what no service needs, even with a remembered grant', () => {
    const grants: PermissionGrantLike[] = [{ permission: 'usb', decision: 'granted' }];
    for (const permission of ['usb', 'hid', 'serial', 'openExternal', 'midiSysex', 'fileSystem']) {
      expect(decidePermission(at(permission), slack, grants)).toMatchObject({
        decision: 'deny',
        reason: 'not-allowed-for-services',
      });
    }
  });

  it('grants harmless permissions to the service without asking', () => {
    expect(decidePermission(at('clipboard-sanitized-write'), slack)).toEqual({
      decision: 'grant',
      reason: 'harmless-in-scope',
      permission: 'clipboard-sanitized-write',
    });
    expect(decidePermission(at('fullscreen'), slack).decision).toBe('grant');
  });

  it('asks the user for sensitive permissions', () => {
    for (const permission of ['notifications', 'media', 'display-capture', 'clipboard-read']) {
      expect(decidePermission(at(permission), slack)).toMatchObject({
        decision: 'prompt',
        reason: 'needs-user-decision',
      });
    }
  });

  it('follows remembered answers, a denial winning over a grant', () => {
    const granted: PermissionGrantLike[] = [{ permission: 'notifications', decision: 'granted' }];
    expect(decidePermission(at('notifications'), slack, granted)).toMatchObject({
      decision: 'grant',
      reason: 'remembered',
    });
    const both: PermissionGrantLike[] = [
      ...granted,
      { permission: 'notifications', decision: 'denied' },
    ];
    expect(decidePermission(at('notifications'), slack, both).decision).toBe('deny');
    const deniedAuto: PermissionGrantLike[] = [{ permission: 'fullscreen', decision: 'denied' }];
    expect(decidePermission(at('fullscreen'), slack, deniedAuto).decision).toBe('deny');
  });

  it('applies an origin-bound answer to that origin only', () => {
    const grants: PermissionGrantLike[] = [
      { permission: 'geolocation', decision: 'granted', origin: 'https://app.slack.com/x' },
    ];
    expect(decidePermission(at('geolocation'), slack, grants).decision).toBe('grant');
    expect(
      decidePermission(at('geolocation', 'https://files.slack.com'), slack, grants).decision,
    ).toBe('prompt');
  });

  it('applies a media answer to the devices it covers', () => {
    const micOnly: PermissionGrantLike[] = [
      { permission: 'media', decision: 'granted', mediaTypes: ['audio'] },
    ];
    const request = (mediaTypes: ('audio' | 'video')[]) => ({
      ...at('media'),
      mediaTypes,
    });
    expect(decidePermission(request(['audio']), slack, micOnly).decision).toBe('grant');
    expect(decidePermission(request(['audio', 'video']), slack, micOnly).decision).toBe('prompt');
    expect(decidePermission(request([]), slack, micOnly).decision).toBe('prompt');
    const everything: PermissionGrantLike[] = [{ permission: 'media', decision: 'granted' }];
    expect(decidePermission(request(['video']), slack, everything).decision).toBe('grant');
  });

  it('answers Electron’s synchronous check with true only for grants', () => {
    expect(isPermissionGranted(at('fullscreen'), slack)).toBe(true);
    expect(isPermissionGranted(at('notifications'), slack)).toBe(false);
    expect(
      isPermissionGranted(at('notifications'), slack, [
        { permission: 'notifications', decision: 'granted' },
      ]),
    ).toBe(true);
  });
});
