import { describe, expect, it, vi } from 'vitest';
import { evaluatePolicies, policySchema } from '@flowdesk/shared/policy';
import { createNavigationGuard } from './navigation-guard';
import type { NavigationAuditEvent } from './navigation-guard';
import { servicePopupWindowOptions } from './web-preferences';

function setup(policyAllows?: (url: string) => boolean) {
  const openExternal = vi.fn<(url: string) => void>();
  const events: NavigationAuditEvent[] = [];
  const guard = createNavigationGuard({
    ...(policyAllows ? { policyAllows } : {}),
    scope: {
      serviceDomains: ['slack.com'],
      serviceOrigins: [],
      signInOrigins: ['https://accounts.google.com'],
    },
    openExternal,
    popupWindowOptions: () =>
      servicePopupWindowOptions({ partition: 'persist:ws-w1', spellcheck: true }),
    audit: (event) => events.push(event),
  });
  return { guard, openExternal, events };
}

describe('navigation guard', () => {
  it('keeps a page where it is when the organization’s URL policy blocks the address, even inside the service', () => {
    const noSharedChannels = policySchema.parse({
      id: 'p1',
      name: 'No shared channels',
      type: 'security',
      enforcement: 'strict',
      version: 1,
      rules: [{ kind: 'url-block', patterns: ['https://app.slack.com/shared*'] }],
    });
    const { guard, events, openExternal } = setup(
      (url) => evaluatePolicies([noSharedChannels], { action: 'navigate', url }).allowed,
    );
    expect(guard.shouldCancelNavigation('https://app.slack.com/shared/x?id=1')).toBe(true);
    expect(guard.shouldCancelNavigation('https://app.slack.com/client')).toBe(false);
    expect(
      guard.windowOpenHandler({ url: 'https://app.slack.com/shared/y', disposition: 'new-window' }),
    ).toEqual({
      action: 'deny',
    });
    expect(openExternal).not.toHaveBeenCalled();
    expect(events).toEqual([
      {
        kind: 'navigation_blocked',
        url: 'https://app.slack.com/shared/x',
        reason: 'policy',
        isMainFrame: true,
      },
      {
        kind: 'popup_blocked',
        url: 'https://app.slack.com/shared/y',
        reason: 'policy',
        isMainFrame: true,
      },
    ]);
  });

  it('lets the view navigate within the service and to its sign-in provider', () => {
    const { guard, openExternal, events } = setup();
    expect(guard.shouldCancelNavigation('https://app.slack.com/client')).toBe(false);
    expect(guard.shouldCancelNavigation('https://accounts.google.com/o/oauth2/auth')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('opens other sites in the system browser instead, and records it without the query', () => {
    const { guard, openExternal, events } = setup();
    expect(guard.shouldCancelNavigation('https://github.com/org/repo?token=secret')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://github.com/org/repo?token=secret');
    expect(events).toEqual([
      {
        kind: 'opened_externally',
        url: 'https://github.com/org/repo',
        reason: 'outside-service',
        isMainFrame: true,
      },
    ]);
  });

  it('blocks dangerous schemes and records the attempt', () => {
    const { guard, openExternal, events } = setup();
    expect(guard.shouldCancelNavigation('file:///etc/passwd')).toBe(true);
    expect(guard.shouldCancelNavigation('javascript:alert(1)')).toBe(true);
    expect(guard.shouldCancelNavigation('%%')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(events.map((event) => `${event.kind}:${event.url}:${event.reason}`)).toEqual([
      'navigation_blocked:file:…:scheme-not-allowed',
      'navigation_blocked:javascript:…:scheme-not-allowed',
      'navigation_blocked:[unparseable]:malformed-url',
    ]);
  });

  it('lets embedded frames load web pages but not local files or scripts', () => {
    const { guard, events } = setup();
    expect(guard.shouldCancelFrameNavigation('https://www.youtube.com/embed/x')).toBe(false);
    expect(guard.shouldCancelFrameNavigation('about:srcdoc')).toBe(false);
    expect(guard.shouldCancelFrameNavigation('blob:https://app.slack.com/1')).toBe(false);
    expect(guard.shouldCancelFrameNavigation('blob:https://evil.example/1')).toBe(true);
    expect(guard.shouldCancelFrameNavigation('file:///etc/passwd')).toBe(true);
    expect(guard.shouldCancelFrameNavigation('chrome://settings')).toBe(true);
    expect(events.every((event) => !event.isMainFrame)).toBe(true);
  });

  it('opens sign-in popups in the app with the factory’s hardened options', () => {
    const { guard } = setup();
    const response = guard.windowOpenHandler({
      url: 'https://accounts.google.com/signin',
      disposition: 'new-window',
    });
    expect(response.action).toBe('allow');
    expect(response.overrideBrowserWindowOptions?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: 'persist:ws-w1',
    });
  });

  it('sends other popups to the system browser, and denies dangerous ones', () => {
    const { guard, openExternal, events } = setup();
    expect(
      guard.windowOpenHandler({
        url: 'https://example.com/article',
        disposition: 'foreground-tab',
      }),
    ).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/article');
    expect(
      guard.windowOpenHandler({ url: 'javascript:alert(1)', disposition: 'new-window' }),
    ).toEqual({ action: 'deny' });
    expect(events.at(-1)).toMatchObject({ kind: 'popup_blocked', reason: 'scheme-not-allowed' });
  });
});
