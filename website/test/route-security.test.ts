import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testClerk } from './clerk-session';
import type { TestClerk, TestOrganizationClaim } from './clerk-session';
import { deliverClerkEvents, organizationSeedEvents } from './clerk-webhooks';
import { startWebsite, websiteFolder } from './next-process';

/**
 * Every route of the website against every kind of caller (issue 12, security regression): the
 * route files under app/ are listed from disk, and each must have a row in ROUTES saying what an
 * anonymous visitor, a signed-in user without an organization, an organization member and an
 * organization admin get, so a new route cannot ship without its security row. Each answer is
 * fetched from `next start` (redirects not followed) and checked, with the security headers
 * the site promises (next.config.ts, proxy.ts), no 5xx and no stack trace or server path.
 */

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-routes-'));
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const ORG = 'org_routesecurity';
let origin = '';
let stop: () => Promise<void> = () => Promise.resolve();
let clerk: TestClerk;

type Caller = 'anonymous' | 'user' | 'member' | 'admin';

interface CallerSpec {
  /** Each caller is its own client address (as a proxy's X-Forwarded-For says), so the license
   * API's per-address rate limits count the callers apart. */
  address: string;
  userId?: string;
  organization?: TestOrganizationClaim;
}

const CALLERS: Record<Caller, CallerSpec> = {
  anonymous: { address: '203.0.113.10' },
  user: { address: '203.0.113.11', userId: 'user_rssolo' },
  member: {
    address: '203.0.113.12',
    userId: 'user_rsmember',
    organization: { id: ORG, role: 'member' },
  },
  admin: {
    address: '203.0.113.13',
    userId: 'user_rsadmin',
    organization: { id: ORG, role: 'admin' },
  },
};
const CALLER_NAMES = Object.keys(CALLERS) as Caller[];

/** What one caller gets from one request. */
interface Answer {
  status: number;
  /** Sent to sign in (307), and back to this very address afterwards. */
  signIn?: true;
  /** The API's error: `{ error: { code, message } }` with this code. */
  code?: string;
  /** The JSON body of a success. */
  body?: z.ZodType;
  /** Markup the HTML must contain, and must not. */
  shows?: string[];
  hides?: string[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

interface Probe {
  /** What the request tries, for the test's name. */
  case?: string;
  method?: Method;
  /** A concrete address of the route: dynamic segments get sample values. */
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** API rows send sessions as a bearer token (as scripts do); this sends the browser's cookies. */
  cookie?: true;
  /** Signs the body as Clerk's webhook delivery with the server's secret. */
  signed?: true;
  answers: Record<Caller, Answer>;
}

/**
 * `page`: HTML with the nonce policy of proxy.ts; `api`: JSON with the API's own policy;
 * `asset`: metadata files (robots, sitemap, icon, Open Graph image), with the headers of
 * next.config.ts only.
 */
type Kind = 'page' | 'api' | 'asset';

interface Row {
  kind: Kind;
  /** Public and the same for everyone: may be cached (the JWKS). */
  cacheable?: true;
  probes: Probe[];
}

const everyone = (answer: Answer): Record<Caller, Answer> => ({
  anonymous: answer,
  user: answer,
  member: answer,
  admin: answer,
});
const SIGN_IN: Answer = { status: 307, signIn: true };
const signedIn = (answer: Answer, anonymous: Answer = SIGN_IN): Record<Caller, Answer> => ({
  ...everyone(answer),
  anonymous,
});
const showing = (...shows: string[]): Answer => ({ status: 200, shows });
const refusal = (status: number, code: string): Answer => ({ status, code });
const success = (body: z.ZodType, status = 200): Answer => ({ status, body });
/** A method the route file does not export: Next.js answers 405 itself, with no body. */
const NOT_ALLOWED: Answer = { status: 405 };

const publicPage = (path: string, heading: string): Row => ({
  kind: 'page',
  probes: [{ path, answers: everyone(showing(`${heading}</h1>`)) }],
});

/*
 * The admin console (console-session.ts) answers a signed-in caller inside the page, never with
 * an error page: without an organization it asks to choose one; a role that may not read a
 * section gets 200 with the refusal in place of the section's content.
 */
const NAV = 'aria-label="Organization administration"';
const REFUSED = 'data-testid="refused"';
const SIGNED_OUT = refusal(401, 'SIGNED_OUT');
const FORBIDDEN = refusal(403, 'ADMIN_FORBIDDEN');
const NO_ORGANIZATION: Answer = { status: 200, shows: ['Choose an organization'], hides: [NAV] };
const refusedSection = (what: string, ...hides: string[]): Answer => ({
  status: 200,
  shows: [
    NAV,
    `${REFUSED}>Your role in this organization cannot see ${what}. Ask an administrator.`,
  ],
  hides,
});
const section = (...shows: string[]): Answer => ({
  status: 200,
  shows: [NAV, ...shows],
  hides: [REFUSED],
});

function adminPage(path: string, member: Answer, admin: Answer): Row {
  return {
    kind: 'page',
    probes: [
      {
        path,
        answers: { anonymous: SIGN_IN, user: NO_ORGANIZATION, member, admin },
      },
    ],
  };
}

const JSON_TYPE = 'application/json';
const SECRET_LIKE = 's'.repeat(43);
const FINGERPRINT = 'a'.repeat(64);

/** The bodies every JSON POST of the license API must refuse with its code, never a 500. */
function badBodies(path: string): Probe[] {
  const probe = (name: string, body: string, contentType: string, answer: Answer): Probe => ({
    case: name,
    method: 'POST',
    path,
    body,
    contentType,
    answers: everyone(answer),
  });
  return [
    probe('broken JSON', '{"unterminated":', JSON_TYPE, refusal(400, 'INVALID_JSON')),
    probe('empty body', '', JSON_TYPE, refusal(400, 'INVALID_JSON')),
    probe('no fields', '{}', JSON_TYPE, refusal(400, 'INVALID_BODY')),
    probe('an array', '[1]', JSON_TYPE, refusal(400, 'INVALID_BODY')),
    probe('not JSON', '{}', 'text/plain', refusal(415, 'UNSUPPORTED_MEDIA_TYPE')),
    probe(
      'over 16 KB',
      JSON.stringify({ padding: 'x'.repeat(17 * 1024) }),
      JSON_TYPE,
      refusal(413, 'BODY_TOO_LARGE'),
    ),
  ];
}

const ADMIN_API = '/api/v1/admin';
/** A bad body to the admin API: the session is checked before the body, the role after it. */
const adminBody = (answer: Answer): Record<Caller, Answer> => signedIn(answer, SIGNED_OUT);

const jwk = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
  kid: z.string().min(1),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});

const webhookEvent = JSON.stringify({
  type: 'user.created',
  object: 'event',
  timestamp: Date.now(),
  data: { id: 'user_rswebhook', email_addresses: [], updated_at: Date.now() },
});

/** Every route file's URL pattern (app/ paths without route groups) → its security row. */
const ROUTES: Record<string, Row> = {
  '/': publicPage('/', 'Flow Desk'),
  '/changelog': publicPage('/changelog', 'Changelog'),
  '/download': publicPage('/download', 'Download Flow Desk'),
  '/features': publicPage('/features', 'Features'),
  '/pricing': publicPage('/pricing', 'Pricing'),
  '/security': publicPage('/security', 'Security and privacy'),
  '/services': publicPage('/services', 'Service catalog'),
  '/sign-in/[[...sign-in]]': {
    kind: 'page',
    probes: ['/sign-in', '/sign-in/factor-one'].map((path) => ({
      path,
      answers: everyone(showing('<title>Sign in · Flow Desk</title>')),
    })),
  },
  '/sign-up/[[...sign-up]]': {
    kind: 'page',
    probes: ['/sign-up', '/sign-up/verify-email-address'].map((path) => ({
      path,
      answers: everyone(showing('<title>Create an account · Flow Desk</title>')),
    })),
  },
  '/activate': {
    kind: 'page',
    probes: [
      { path: '/activate?code=BCDF-GHJK', answers: signedIn(showing('not waiting for approval')) },
    ],
  },
  '/dashboard': {
    kind: 'page',
    probes: [{ path: '/dashboard', answers: signedIn(showing('data-testid="plan"')) }],
  },
  '/dashboard/admin': adminPage(
    '/dashboard/admin',
    // Every member may see the organization and its policies, no other section.
    {
      status: 200,
      shows: [NAV, 'data-testid="role">Member<'],
      hides: ['href="/dashboard/admin/seats"', 'href="/dashboard/admin/audit"'],
    },
    section('data-testid="role">Administrator<', 'href="/dashboard/admin/seats"'),
  ),
  '/dashboard/admin/policies': adminPage(
    '/dashboard/admin/policies',
    { status: 200, shows: [NAV], hides: [REFUSED, 'aria-label="New policy"'] },
    section('aria-label="New policy"'),
  ),
  '/dashboard/admin/members': adminPage(
    '/dashboard/admin/members',
    refusedSection('its members', 'Sync with Clerk'),
    section('Sync with Clerk'),
  ),
  '/dashboard/admin/seats': adminPage(
    '/dashboard/admin/seats',
    refusedSection('its seats', 'data-testid="seat-count"'),
    section('data-testid="seat-count"'),
  ),
  '/dashboard/admin/sso': adminPage(
    '/dashboard/admin/sso',
    refusedSection('its single sign-on', 'aria-label="Single sign-on settings"'),
    section('aria-label="Single sign-on settings"'),
  ),
  '/dashboard/admin/audit': adminPage(
    '/dashboard/admin/audit',
    refusedSection('its audit log', 'Export CSV'),
    section('Export CSV'),
  ),
  '/dashboard/admin/reports': adminPage(
    '/dashboard/admin/reports',
    refusedSection('its reports', 'data-testid="seats-used"'),
    section('data-testid="seats-used"'),
  ),

  '/api/health': {
    kind: 'api',
    probes: [
      {
        path: '/api/health',
        answers: everyone(success(z.object({ status: z.literal('healthy') }))),
      },
      { method: 'POST', path: '/api/health', answers: everyone(NOT_ALLOWED) },
    ],
  },
  '/.well-known/flowdesk/jwks.json': {
    kind: 'api',
    cacheable: true,
    probes: [
      {
        path: '/.well-known/flowdesk/jwks.json',
        // Strict: a private key part (`d`) in the published set fails here.
        answers: everyone(success(z.strictObject({ keys: z.array(jwk).min(1) }))),
      },
    ],
  },
  '/api/v1/device-links': {
    kind: 'api',
    probes: [
      {
        case: 'a device',
        method: 'POST',
        path: '/api/v1/device-links',
        contentType: JSON_TYPE,
        body: JSON.stringify({
          deviceFingerprintHash: FINGERPRINT,
          deviceName: 'Route table',
          platform: 'linux',
          appVersion: '1.0.0',
        }),
        answers: everyone(
          success(
            z.object({
              deviceCode: z.string().min(20),
              userCode: z.string().min(1),
              verificationUri: z.string().min(1),
            }),
            201,
          ),
        ),
      },
      ...badBodies('/api/v1/device-links'),
      { path: '/api/v1/device-links', answers: everyone(NOT_ALLOWED) },
    ],
  },
  '/api/v1/device-links/token': {
    kind: 'api',
    probes: [
      {
        case: 'unknown device code',
        method: 'POST',
        path: '/api/v1/device-links/token',
        contentType: JSON_TYPE,
        body: JSON.stringify({ deviceCode: SECRET_LIKE }),
        answers: everyone(refusal(400, 'invalid_grant')),
      },
      ...badBodies('/api/v1/device-links/token'),
      { path: '/api/v1/device-links/token', answers: everyone(NOT_ALLOWED) },
    ],
  },
  '/api/v1/licenses/refresh': {
    kind: 'api',
    probes: [
      {
        case: 'unknown device secret',
        method: 'POST',
        path: '/api/v1/licenses/refresh',
        contentType: JSON_TYPE,
        body: JSON.stringify({ deviceSecret: SECRET_LIKE, deviceFingerprintHash: FINGERPRINT }),
        answers: everyone(refusal(401, 'DEVICE_NOT_RECOGNIZED')),
      },
      ...badBodies('/api/v1/licenses/refresh'),
      { path: '/api/v1/licenses/refresh', answers: everyone(NOT_ALLOWED) },
    ],
  },
  '/api/v1/activations/[id]/deactivate': {
    kind: 'api',
    probes: [
      // A browser session is no device secret: nobody signs out a device they cannot name.
      ...['act_routetable', 'not-an-activation'].map((id): Probe => ({
        case: 'unknown device secret',
        method: 'POST',
        path: `/api/v1/activations/${id}/deactivate`,
        contentType: JSON_TYPE,
        body: JSON.stringify({ deviceSecret: SECRET_LIKE }),
        answers: everyone(refusal(404, 'ACTIVATION_NOT_FOUND')),
      })),
      ...badBodies('/api/v1/activations/act_routetable/deactivate'),
      { path: '/api/v1/activations/act_routetable/deactivate', answers: everyone(NOT_ALLOWED) },
    ],
  },
  '/api/webhooks/clerk': {
    kind: 'api',
    probes: [
      {
        method: 'POST',
        path: '/api/webhooks/clerk',
        contentType: JSON_TYPE,
        body: webhookEvent,
        signed: true,
        case: 'signed event',
        answers: everyone(
          success(z.strictObject({ received: z.literal(true), outcome: z.string() })),
        ),
      },
      {
        method: 'POST',
        path: '/api/webhooks/clerk',
        contentType: JSON_TYPE,
        body: webhookEvent,
        case: 'unsigned',
        answers: everyone(refusal(400, 'WEBHOOK_SIGNATURE_INVALID')),
      },
      {
        method: 'POST',
        path: '/api/webhooks/clerk',
        contentType: JSON_TYPE,
        body: webhookEvent,
        case: 'forged signature',
        headers: {
          'svix-id': 'msg_forged',
          'svix-timestamp': String(Math.floor(Date.now() / 1000)),
          'svix-signature': `v1,${randomBytes(32).toString('base64')}`,
        },
        answers: everyone(refusal(400, 'WEBHOOK_SIGNATURE_INVALID')),
      },
      {
        method: 'POST',
        path: '/api/webhooks/clerk',
        body: '',
        case: 'empty, unsigned',
        answers: everyone(refusal(400, 'WEBHOOK_SIGNATURE_INVALID')),
      },
      {
        // Signed, but not a Clerk event: refused by its shape, not a 500.
        method: 'POST',
        path: '/api/webhooks/clerk',
        contentType: JSON_TYPE,
        body: '{"hello":"world"}',
        signed: true,
        case: 'signed, not a Clerk event',
        answers: everyone(refusal(400, 'WEBHOOK_INVALID')),
      },
      { path: '/api/webhooks/clerk', answers: everyone(NOT_ALLOWED) },
    ],
  },
  '/api/v1/admin/[...path]': {
    kind: 'api',
    probes: [
      {
        path: `${ADMIN_API}/organization`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          // A member's rights are exactly these two.
          member: success(
            z.object({
              role: z.literal('org:member'),
              rights: z.tuple([z.literal('organization:read'), z.literal('policies:read')]),
            }),
          ),
          admin: success(z.object({ role: z.literal('org:admin') })),
        },
      },
      {
        path: `${ADMIN_API}/policies`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: success(z.object({ policies: z.array(z.unknown()) })),
          admin: success(z.object({ policies: z.array(z.unknown()) })),
        },
      },
      ...(
        [
          ['seats', z.object({ plan: z.literal('team'), seats: z.literal(5) })],
          ['members', z.object({ members: z.array(z.object({ userId: z.string() })).min(2) })],
          ['sso', z.object({ connection: z.null() })],
          ['audit', z.object({ events: z.array(z.unknown()) })],
          ['audit/export?format=json', z.object({ organizationId: z.literal(ORG) })],
          ['reports/usage', z.object({ seats: z.object({ total: z.literal(5) }) })],
          ['reports/compliance', z.object({ status: z.string() })],
        ] as const
      ).map(([path, body]): Probe => ({
        path: `${ADMIN_API}/${path}`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: success(body),
        },
      })),
      {
        // The browser's session cookie counts as the bearer token does.
        path: `${ADMIN_API}/seats`,
        cookie: true,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: success(z.object({ plan: z.literal('team') })),
        },
      },
      // Changes: refused to every role but the admin's.
      {
        method: 'PUT',
        path: `${ADMIN_API}/seats/user_rsmember`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: success(z.object({ assigned: z.literal(true) })),
        },
      },
      {
        method: 'DELETE',
        path: `${ADMIN_API}/seats/user_rsmember`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: success(z.object({})),
        },
      },
      {
        method: 'DELETE',
        path: `${ADMIN_API}/policies/never-saved`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: refusal(404, 'POLICY_NOT_FOUND'),
        },
      },
      {
        method: 'POST',
        path: `${ADMIN_API}/reports/compliance`,
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: success(z.object({ status: z.string() })),
        },
      },
      {
        // LDAP is refused by its settings, after the role: no call to Clerk's API is made.
        method: 'PUT',
        path: `${ADMIN_API}/sso`,
        contentType: JSON_TYPE,
        case: 'LDAP',
        body: JSON.stringify({
          provider: 'ldap',
          domain: 'routes.test',
          endpoint: 'https://idp.routes.test/metadata',
        }),
        answers: {
          anonymous: SIGNED_OUT,
          user: FORBIDDEN,
          member: FORBIDDEN,
          admin: refusal(400, 'SSO_LDAP_UNSUPPORTED'),
        },
      },
      // Bad bodies: a 4xx with a code for every caller, never a 500.
      {
        method: 'POST',
        path: `${ADMIN_API}/policies/preview`,
        contentType: JSON_TYPE,
        body: '{"policy":',
        case: 'broken JSON',
        answers: adminBody(refusal(400, 'INVALID_JSON')),
      },
      {
        method: 'POST',
        path: `${ADMIN_API}/policies/preview`,
        body: '',
        case: 'no content type',
        answers: adminBody(refusal(415, 'UNSUPPORTED_MEDIA_TYPE')),
      },
      {
        method: 'PUT',
        path: `${ADMIN_API}/policies/approved-apps`,
        contentType: JSON_TYPE,
        body: '[1]',
        case: 'an array',
        answers: adminBody(refusal(400, 'INVALID_BODY')),
      },
      {
        method: 'PUT',
        path: `${ADMIN_API}/seats/assignment`,
        contentType: JSON_TYPE,
        body: '{"assignment":"sometimes"}',
        case: 'unknown option',
        answers: adminBody(refusal(400, 'INVALID_BODY')),
      },
      {
        method: 'POST',
        path: `${ADMIN_API}/policies/preview`,
        contentType: JSON_TYPE,
        body: JSON.stringify({ padding: 'x'.repeat(65 * 1024) }),
        case: 'over 64 KB',
        answers: adminBody(refusal(413, 'BODY_TOO_LARGE')),
      },
      // Another site's page cannot make changes with the visitor's cookie (checked before the session).
      {
        method: 'PUT',
        path: `${ADMIN_API}/seats/assignment`,
        contentType: JSON_TYPE,
        body: '{"assignment":"manual"}',
        cookie: true,
        case: 'from another site',
        headers: { origin: 'https://evil.example' },
        answers: everyone(refusal(403, 'CROSS_SITE_REQUEST')),
      },
      {
        path: `${ADMIN_API}/no/such/thing`,
        answers: everyone(refusal(404, 'NOT_FOUND')),
      },
      {
        method: 'DELETE',
        path: `${ADMIN_API}/organization`,
        answers: everyone(refusal(405, 'METHOD_NOT_ALLOWED')),
      },
      { method: 'PATCH', path: `${ADMIN_API}/policies`, answers: everyone(NOT_ALLOWED) },
    ],
  },

  '/api/[...unknown]': {
    kind: 'api',
    probes: [
      { path: '/api/v1/no-such-api', answers: everyone(refusal(404, 'NOT_FOUND')) },
      { path: '/api/v1/licenses', answers: everyone(refusal(404, 'NOT_FOUND')) },
      {
        method: 'POST',
        path: '/api/v2/licenses/refresh',
        contentType: JSON_TYPE,
        body: '{}',
        answers: everyone(refusal(404, 'NOT_FOUND')),
      },
    ],
  },

  '/robots.txt': {
    kind: 'asset',
    probes: [{ path: '/robots.txt', answers: everyone(showing('Disallow: /dashboard')) }],
  },
  '/sitemap.xml': {
    kind: 'asset',
    probes: [{ path: '/sitemap.xml', answers: everyone(showing('<urlset')) }],
  },
  '/opengraph-image': {
    kind: 'asset',
    probes: [{ path: '/opengraph-image', answers: everyone({ status: 200 }) }],
  },
  '/icon.svg': {
    kind: 'asset',
    probes: [{ path: '/icon.svg', answers: everyone(showing('<svg')) }],
  },
};

/** Addresses no route file serves: their not-found answers carry the same headers. */
const NOT_ROUTES: Record<string, Row> = {
  'a page that does not exist': {
    kind: 'page',
    probes: [{ path: '/no-such-page', answers: everyone({ status: 404 }) }],
  },
};

// ---------------------------------------------------------------------------------------------
// Route files on disk
// ---------------------------------------------------------------------------------------------

const appFolder = join(websiteFolder, 'app');
const SOURCE = /\.(?:tsx?|jsx?)$/;
const METADATA =
  /^(robots|sitemap|manifest|opengraph-image|twitter-image|icon|apple-icon|favicon)\.(\w+)$/;
const GENERATED_NAMES: Record<string, string> = {
  robots: 'robots.txt',
  sitemap: 'sitemap.xml',
  manifest: 'manifest.webmanifest',
};

/** The URL segment of a metadata file (Next.js's file conventions), or undefined. */
function metadataSegment(name: string): string | undefined {
  const match = METADATA.exec(name);
  if (!match) return undefined;
  // A static file is served under its own name; code generates the conventional one.
  return SOURCE.test(name) ? (GENERATED_NAMES[match[1]!] ?? match[1]!) : name;
}

function routeFiles(directory = appFolder): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    // Folders starting with _ are private: not routed.
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : routeFiles(path);
    return /^(?:page|route)\./.test(entry.name) && SOURCE.test(entry.name)
      ? [path]
      : metadataSegment(entry.name)
        ? [path]
        : [];
  });
}

/** app/(account)/dashboard/page.tsx → /dashboard: route groups and slots are not in the URL. */
function urlPatternOf(file: string): string {
  const parts = relative(appFolder, file).split(sep);
  const name = parts.pop()!;
  const segments = parts.filter((part) => !/^\(.*\)$/.test(part) && !part.startsWith('@'));
  const metadata = metadataSegment(name);
  return `/${[...segments, ...(metadata && !/^(?:page|route)\./.test(name) ? [metadata] : [])].join('/')}`;
}

/** The addresses a URL pattern serves: [id] one segment, [...path] one or more, [[...x]] any. */
function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (/^\[\[\.\.\.[^\]]+\]\]$/.test(segment)) return '(?:/[^?#]+)?';
      if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return '/[^?#]+';
      if (/^\[[^\]]+\]$/.test(segment)) return '/[^/?#]+';
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    })
    .join('');
  return new RegExp(`^${source || '/'}(?:\\?.*)?$`);
}

// ---------------------------------------------------------------------------------------------
// Requests and checks
// ---------------------------------------------------------------------------------------------

async function send(kind: Kind, probe: Probe, caller: Caller): Promise<Response> {
  const who = CALLERS[caller];
  const headers = new Headers(probe.headers);
  headers.set('x-forwarded-for', who.address);
  if (probe.contentType) headers.set('content-type', probe.contentType);
  if (who.userId) {
    if (kind === 'api' && !probe.cookie) {
      const token = await clerk.sessionToken(who.userId, origin, who.organization);
      headers.set('authorization', `Bearer ${token}`);
    } else {
      const cookies = await clerk.sessionCookies(who.userId, origin, who.organization);
      headers.set('cookie', cookies.map(({ name, value }) => `${name}=${value}`).join('; '));
    }
  }
  if (probe.signed) {
    const id = `msg_${randomBytes(6).toString('hex')}`;
    const at = new Date();
    headers.set('svix-id', id);
    headers.set('svix-timestamp', String(Math.floor(at.getTime() / 1000)));
    headers.set('svix-signature', new Webhook(WEBHOOK_SECRET).sign(id, at, probe.body ?? ''));
  }
  return fetch(`${origin}${probe.path}`, {
    method: probe.method ?? 'GET',
    headers,
    redirect: 'manual',
    ...(probe.body === undefined ? {} : { body: probe.body }),
  });
}

const apiErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.string().regex(/^[A-Za-z_]+$/), message: z.string().min(1) }),
});

/** What must never reach a caller: stack frames, server paths, bundler internals. */
const LEAKS = [
  /^\s*at \S.*:\d+:\d+\)?$/m,
  /node_modules[\\/]/,
  /\.next[\\/]server/,
  /webpack-internal:/,
  /turbopack:\/\/\/\[project\]/,
];

/** Nonces seen so far: each page response must have a fresh one. */
const nonces = new Set<string>();

function policyDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** The headers next.config.ts puts on every response. */
function checkCommonHeaders(headers: Headers, where: string): void {
  const hsts = headers.get('strict-transport-security') ?? '';
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), `${where}: HSTS`).toBeGreaterThanOrEqual(
    365 * 86_400,
  );
  expect(hsts, `${where}: HSTS`).toContain('includeSubDomains');
  expect(headers.get('x-frame-options'), `${where}: X-Frame-Options`).toBe('DENY');
  expect(headers.get('x-content-type-options'), `${where}: nosniff`).toBe('nosniff');
  expect(headers.get('referrer-policy'), `${where}: Referrer-Policy`).toBe(
    'strict-origin-when-cross-origin',
  );
  const permissions = headers.get('permissions-policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) {
    expect(permissions, `${where}: Permissions-Policy`).toContain(feature);
  }
  expect(headers.get('x-powered-by'), `${where}: X-Powered-By`).toBeNull();
}

/** proxy.ts's page policy: a fresh nonce on every response and on every script of the page. */
function checkPagePolicy(headers: Headers, text: string, where: string): void {
  const policy = headers.get('content-security-policy');
  expect(policy, `${where}: Content-Security-Policy`).toBeTruthy();
  const directives = policyDirectives(policy ?? '');
  expect(directives.get('default-src'), where).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(directives.get('object-src'), where).toEqual(["'none'"]);
  expect(directives.get('base-uri'), where).toEqual(["'self'"]);
  expect(directives.get('form-action'), where).toEqual(["'self'"]);
  const scripts = directives.get('script-src') ?? [];
  expect(scripts, where).toContain("'strict-dynamic'");
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) {
    expect(scripts, where).not.toContain(unsafe);
  }
  const nonce = scripts
    .map((value) => /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(value)?.[1])
    .filter((value) => value !== undefined);
  expect(nonce, `${where}: one 16-byte nonce`).toHaveLength(1);
  const [fresh] = nonce as [string];
  expect(nonces.has(fresh), `${where}: nonce reused`).toBe(false);
  nonces.add(fresh);
  if (headers.get('content-type')?.startsWith('text/html')) {
    for (const script of text.match(/<script\b[^>]*>/g) ?? []) {
      expect(script, `${where}: script without the nonce`).toContain(`nonce="${fresh}"`);
    }
  }
}

async function checkAnswer(row: Row, probe: Probe, caller: Caller): Promise<void> {
  const answer = probe.answers[caller];
  const where = `${probe.method ?? 'GET'} ${probe.path} as ${caller}`;
  const response = await send(row.kind, probe, caller);
  const text = await response.text();
  const { headers } = response;

  expect(response.status, `${where}: ${text.slice(0, 400)}`).toBe(answer.status);
  expect(response.status, where).toBeLessThan(500);
  for (const leak of LEAKS) expect(text, `${where}: leaks`).not.toMatch(leak);
  expect(text, `${where}: leaks a server path`).not.toContain(websiteFolder);

  checkCommonHeaders(headers, where);
  const policy = headers.get('content-security-policy');
  const isJson = headers.get('content-type')?.startsWith('application/json') ?? false;
  if (row.kind === 'page') {
    checkPagePolicy(headers, text, where);
    // Pages carry a per-response nonce and, for signed-in callers, their data: never stored.
    expect(headers.get('cache-control'), `${where}: Cache-Control`).toContain('no-store');
  } else if (row.kind === 'api') {
    expect(policy, `${where}: API policy`).toBe("default-src 'none'; frame-ancestors 'none'");
    if (isJson && !row.cacheable) {
      expect(headers.get('cache-control'), `${where}: Cache-Control`).toContain('no-store');
    }
  } else {
    // Metadata files: the image route is rendered through the proxy (a page policy); the
    // static ones carry the policy that allows nothing. Either way, never framed.
    expect(policy, `${where}: a policy`).not.toBeNull();
    expect(policyDirectives(policy ?? '').get('frame-ancestors'), where).toEqual(["'none'"]);
  }

  const location = headers.get('location');
  if (answer.signIn) {
    expect(location, where).toBe(
      `${origin}/sign-in?redirect_url=${encodeURIComponent(`${origin}${probe.path}`)}`,
    );
  } else {
    expect(location, `${where}: Location`).toBeNull();
  }
  if (answer.code !== undefined) {
    expect(isJson, `${where}: JSON error`).toBe(true);
    const error = apiErrorSchema.safeParse(JSON.parse(text) as unknown);
    expect(error.success, `${where}: error shape ${text}`).toBe(true);
    expect(error.data?.error.code, where).toBe(answer.code);
  }
  if (answer.body) {
    expect(isJson, `${where}: JSON`).toBe(true);
    const body = answer.body.safeParse(JSON.parse(text) as unknown);
    expect(body.success, `${where}: ${body.error?.message ?? ''} in ${text.slice(0, 400)}`).toBe(
      true,
    );
  }
  for (const shown of answer.shows ?? []) expect(text, `${where}: shows`).toContain(shown);
  for (const hidden of answer.hides ?? []) expect(text, `${where}: hides`).not.toContain(hidden);
}

function describeAnswer(answer: Answer): string {
  if (answer.signIn) return `${answer.status} to sign in`;
  return answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
}

// ---------------------------------------------------------------------------------------------
// The server and its organization
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  clerk = await testClerk();
  const website = await startWebsite({
    ...clerk.settings,
    FLOWDESK_DATA_DIR: join(folder, 'pglite'),
    CLERK_WEBHOOK_SIGNING_SECRET: WEBHOOK_SECRET,
  });
  origin = website.origin;
  stop = website.stop;
  // The organization, its people and a Team plan, as Clerk's webhooks deliver them.
  await deliverClerkEvents(
    origin,
    WEBHOOK_SECRET,
    organizationSeedEvents({ id: ORG, name: 'Route Co', slug: 'route-co' }, [
      { userId: 'user_rssolo', email: 'solo@routes.test' },
      { userId: 'user_rsmember', email: 'member@routes.test', role: 'org:member' },
      { userId: 'user_rsadmin', email: 'admin@routes.test', role: 'org:admin' },
    ]),
  );
});

afterAll(async () => {
  await stop();
  rmSync(folder, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

describe('the route table', () => {
  it('has a row for every route file under app/, and none for a route that is gone', () => {
    const onDisk = new Set(routeFiles().map(urlPatternOf));
    expect(onDisk.size, 'route files found').toBeGreaterThan(20);
    const inTable = new Set(Object.keys(ROUTES));
    expect
      .soft(
        [...onDisk].filter((route) => !inTable.has(route)),
        'routes without a security row',
      )
      .toEqual([]);
    expect
      .soft(
        [...inTable].filter((route) => !onDisk.has(route)),
        'rows for routes that no longer exist',
      )
      .toEqual([]);
  });

  it('samples each route with addresses that route serves', () => {
    for (const [pattern, row] of Object.entries(ROUTES)) {
      expect(row.probes.length, pattern).toBeGreaterThan(0);
      for (const probe of row.probes) expect(probe.path, pattern).toMatch(patternRegExp(pattern));
    }
  });
});

for (const [route, row] of Object.entries({ ...ROUTES, ...NOT_ROUTES })) {
  describe(route, () => {
    for (const probe of row.probes) {
      for (const caller of CALLER_NAMES) {
        const details = [probe.case, probe.cookie ? 'session cookie' : undefined].filter(Boolean);
        const name = `${probe.method ?? 'GET'} ${probe.path}${details.length > 0 ? ` (${details.join(', ')})` : ''} as ${caller} → ${describeAnswer(probe.answers[caller])}`;
        it(name, () => checkAnswer(row, probe, caller));
      }
    }
  });
}
