import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers } from './permission-handlers';
import type {
  PermissionDecisionRecord,
  PermissionSession,
  ServicePermissionContext,
} from './permission-handlers';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0];

/** A stand-in session that captures the handlers so tests can call them as Electron would. */
function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
  };
  return { session, handlers };
}

const slack: ServicePermissionContext = {
  workspaceId: 'w1',
  serviceId: 's1',
  scope: {
    serviceDomains: ['slack.com'],
    serviceOrigins: [],
    signInOrigins: ['https://accounts.google.com'],
  },
  grants: [{ permission: 'geolocation', decision: 'granted' }],
};

function setup(
  prompt: (request: unknown) => Promise<boolean> = () => Promise.resolve(false),
  context: ServicePermissionContext = slack,
) {
  const { session, handlers } = fakeSession();
  const records: PermissionDecisionRecord[] = [];
  installPermissionHandlers(session, {
    serviceForWebContents: (id) => (id === 7 ? context : undefined),
    prompt: vi.fn(prompt),
    record: (record) => records.push(record),
  });
  const request = (
    webContentsId: number,
    permission: string,
    requestingUrl: string,
    extra: object = {},
  ) =>
    new Promise<boolean>((resolve) => {
      handlers.request?.({ id: webContentsId } as never, permission as never, resolve, {
        requestingUrl,
        isMainFrame: true,
        ...extra,
      });
    });
  return { handlers, records, request };
}

describe('permission handlers', () => {
  it('grants harmless permissions to the service and remembered ones without asking', async () => {
    const { request, records } = setup();
    expect(await request(7, 'clipboard-sanitized-write', 'https://app.slack.com/client')).toBe(
      true,
    );
    expect(await request(7, 'geolocation', 'https://app.slack.com/client')).toBe(true);
    expect(records.map((record) => record.reason)).toEqual(['harmless-in-scope', 'remembered']);
  });

  it('denies webContents that are not a known service, and origins outside the service', async () => {
    const { request, records } = setup();
    expect(await request(99, 'notifications', 'https://app.slack.com/')).toBe(false);
    expect(await request(7, 'notifications', 'https://ads.example/frame')).toBe(false);
    expect(await request(7, 'usb', 'https://app.slack.com/')).toBe(false);
    expect(records.map((record) => record.reason)).toEqual([
      'unknown-web-contents',
      'origin-not-in-scope',
      'not-allowed-for-services',
    ]);
  });

  it('asks the user for sensitive permissions and follows the answer', async () => {
    const prompt = vi.fn((request: unknown) =>
      Promise.resolve((request as { permission: string }).permission === 'notifications'),
    );
    const { request, records } = setup(prompt);
    expect(await request(7, 'notifications', 'https://app.slack.com/client')).toBe(true);
    expect(
      await request(7, 'media', 'https://app.slack.com/huddle', {
        mediaTypes: ['audio', 'video', 'bogus'],
      }),
    ).toBe(false);
    expect(prompt).toHaveBeenLastCalledWith({
      workspaceId: 'w1',
      serviceId: 's1',
      permission: 'media',
      origin: 'https://app.slack.com',
      mediaTypes: ['audio', 'video'],
    });
    expect(records.map((record) => record.reason)).toEqual(['user-granted', 'user-denied']);
  });

  it('denies when the prompt fails', async () => {
    const { request, records } = setup(() => Promise.reject(new Error('window closed')));
    expect(await request(7, 'notifications', 'https://app.slack.com/')).toBe(false);
    expect(records[0]?.reason).toBe('prompt-failed');
  });

  it('denies a request without a usable requesting URL', async () => {
    const { request } = setup(() => Promise.resolve(true));
    expect(await request(7, 'notifications', '')).toBe(false);
    expect(await request(7, 'notifications', 'not a url')).toBe(false);
  });

  it('answers checks from remembered and harmless grants only, and refuses all devices', () => {
    const { handlers } = setup();
    const check = (
      id: number | undefined,
      permission: string,
      origin: string,
      mediaType?: string,
    ) =>
      handlers.check?.(id === undefined ? null : ({ id } as never), permission as never, origin, {
        isMainFrame: true,
        ...(mediaType ? { mediaType: mediaType as never } : {}),
      });
    expect(check(7, 'geolocation', 'https://app.slack.com')).toBe(true);
    expect(check(7, 'notifications', 'https://app.slack.com')).toBe(false);
    expect(check(7, 'media', 'https://app.slack.com', 'audio')).toBe(false);
    expect(check(7, 'media', 'https://app.slack.com', 'unknown')).toBe(false);
    expect(check(undefined, 'fullscreen', 'https://app.slack.com')).toBe(false);
    expect(
      handlers.device?.({
        deviceType: 'usb',
        origin: 'https://app.slack.com',
        device: {},
      } as never),
    ).toBe(false);
  });

  it('holds notifications back while muted or in do-not-disturb, without asking', async () => {
    const muted = {
      ...slack,
      grants: [{ permission: 'notifications', decision: 'granted' as const }],
      notificationsAllowed: false,
    };
    const prompt = vi.fn(() => Promise.resolve(true));
    const { request, records, handlers } = setup(prompt, muted);
    expect(await request(7, 'notifications', 'https://app.slack.com/client')).toBe(false);
    expect(records.map((record) => record.reason)).toEqual(['notifications-held']);
    expect(prompt).not.toHaveBeenCalled();
    const check = (allowed: boolean) => {
      const { handlers: other } = setup(prompt, { ...muted, notificationsAllowed: allowed });
      return other.check?.({ id: 7 } as never, 'notifications', 'https://app.slack.com', {
        isMainFrame: true,
        requestingUrl: 'https://app.slack.com/client',
      });
    };
    expect(check(false)).toBe(false);
    expect(check(true)).toBe(true);
    expect(handlers.check).toBeDefined();
  });
});
