import { z } from 'zod';
import type { Cookie, CookiesSetDetails } from 'electron';

/**
 * Cookies travel in a backup as JSON read through the session API, not as Chromium's cookie
 * database: that database is encrypted with a key of the computer it lives on, so a copy would
 * not sign anyone in on another machine. Read back, every cookie is checked like any input.
 */

export const MAX_COOKIES_PER_PARTITION = 20_000;

export const backedUpCookieSchema = z.strictObject({
  name: z.string().max(4096),
  value: z.string().max(16_384),
  domain: z
    .string()
    .min(1)
    .max(253)
    .regex(/^\.?[a-z0-9.-]+$/i),
  hostOnly: z.boolean(),
  path: z.string().startsWith('/').max(2048),
  secure: z.boolean(),
  httpOnly: z.boolean(),
  /** Seconds since the epoch; absent for a session cookie. */
  expirationDate: z.number().positive().optional(),
  sameSite: z.enum(['unspecified', 'no_restriction', 'lax', 'strict']),
});

export const backedUpCookiesSchema = z.array(backedUpCookieSchema).max(MAX_COOKIES_PER_PARTITION);

export type BackedUpCookie = z.infer<typeof backedUpCookieSchema>;

/** Electron's Cookie → what is kept (session cookies are kept too: the user is signed in now). */
export function toBackedUpCookie(cookie: Cookie): BackedUpCookie | undefined {
  const parsed = backedUpCookieSchema.safeParse({
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain ?? '',
    hostOnly: cookie.hostOnly ?? false,
    path: cookie.path ?? '/',
    secure: cookie.secure ?? false,
    httpOnly: cookie.httpOnly ?? false,
    ...(cookie.expirationDate === undefined ? {} : { expirationDate: cookie.expirationDate }),
    sameSite: cookie.sameSite,
  });
  return parsed.success ? parsed.data : undefined;
}

/** What session.cookies.set needs to put a backed-up cookie back exactly as it was. */
export function toCookieDetails(cookie: BackedUpCookie): CookiesSetDetails {
  const host = cookie.domain.replace(/^\./, '');
  return {
    url: `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path}`,
    name: cookie.name,
    value: cookie.value,
    // A host-only cookie is set without a domain, so it stays host-only.
    ...(cookie.hostOnly ? {} : { domain: cookie.domain }),
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    ...(cookie.expirationDate === undefined ? {} : { expirationDate: cookie.expirationDate }),
    sameSite: cookie.sameSite,
  };
}
