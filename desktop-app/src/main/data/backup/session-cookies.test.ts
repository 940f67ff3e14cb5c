import type { Cookie } from 'electron';
import { describe, expect, it } from 'vitest';
import { backedUpCookiesSchema, toBackedUpCookie, toCookieDetails } from './session-cookies';

const electronCookie: Cookie = {
  name: 'd',
  value: 'xoxd-123',
  domain: '.slack.com',
  hostOnly: false,
  path: '/',
  secure: true,
  httpOnly: true,
  session: false,
  expirationDate: 2_000_000_000,
  sameSite: 'lax',
};

describe('backed-up cookies', () => {
  it('keep what is needed to put a cookie back as it was', () => {
    const kept = toBackedUpCookie(electronCookie);
    expect(kept).toEqual({
      name: 'd',
      value: 'xoxd-123',
      domain: '.slack.com',
      hostOnly: false,
      path: '/',
      secure: true,
      httpOnly: true,
      expirationDate: 2_000_000_000,
      sameSite: 'lax',
    });
    expect(toCookieDetails(kept!)).toEqual({
      url: 'https://slack.com/',
      name: 'd',
      value: 'xoxd-123',
      domain: '.slack.com',
      path: '/',
      secure: true,
      httpOnly: true,
      expirationDate: 2_000_000_000,
      sameSite: 'lax',
    });
  });

  it('set host-only and session cookies without a domain or an expiry', () => {
    const hostOnly = toBackedUpCookie({
      name: 'sid',
      value: '1',
      domain: 'intranet.example',
      hostOnly: true,
      path: '/app',
      secure: false,
      httpOnly: false,
      session: true,
      sameSite: 'unspecified',
    });
    const details = toCookieDetails(hostOnly!);
    expect(details).toEqual({
      url: 'http://intranet.example/app',
      name: 'sid',
      value: '1',
      path: '/app',
      secure: false,
      httpOnly: false,
      sameSite: 'unspecified',
    });
    // Fields Electron may leave out get safe defaults.
    expect(
      toBackedUpCookie({
        name: 'a',
        value: 'b',
        domain: 'x.example',
        session: true,
        sameSite: 'strict',
      }),
    ).toMatchObject({
      hostOnly: false,
      path: '/',
      secure: false,
      httpOnly: false,
    });
  });

  it('drop a cookie that could not be set again, and refuse such a list read back', () => {
    expect(toBackedUpCookie({ ...electronCookie, domain: 'evil.example/../x' })).toBeUndefined();
    expect(toBackedUpCookie({ ...electronCookie, path: 'no-slash' })).toBeUndefined();
    expect(backedUpCookiesSchema.safeParse([{ ...electronCookie }]).success).toBe(false);
    expect(backedUpCookiesSchema.safeParse([toBackedUpCookie(electronCookie)]).success).toBe(true);
  });
});
