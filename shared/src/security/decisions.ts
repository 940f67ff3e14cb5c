import { isOriginInScope, isSignInOrigin, parseUrl } from './origin';
import { isPermissionName, permissionPolicy } from './permissions';
import type { PermissionName } from './permissions';
import type { NavigationScope } from './scope';

/**
 * Pure decisions the desktop main process (will-navigate, will-redirect, setWindowOpenHandler,
 * permission handlers, shell.openExternal) and the mobile app apply to every service view.
 * They only read URLs and the service's scope, so every rule is tested here once.
 */

/** Schemes the system may open in another app: the web and e-mail, nothing else. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:']);
/** Longer URLs are not handed to the operating system. */
const MAX_EXTERNAL_URL_LENGTH = 8192;

export type NavigationReason =
  | 'service-origin'
  | 'sign-in-origin'
  | 'blank-page'
  | 'outside-service'
  | 'external-app'
  | 'scheme-not-allowed'
  | 'malformed-url';

export interface NavigationDecision {
  /** `allow`: stay in the view; `open-external`: cancel and open in the system; `block`: cancel. */
  action: 'allow' | 'open-external' | 'block';
  reason: NavigationReason;
}

/**
 * A navigation of a service view (main frame, redirect or link): stays in the view when it goes
 * to the service or one of its sign-in providers; other web pages and mail links open in the
 * system; everything else (javascript:, data:, file:, chrome:, unparseable URLs) is blocked.
 */
export function decideNavigation(targetUrl: unknown, scope: NavigationScope): NavigationDecision {
  const url = parseUrl(targetUrl);
  if (!url) return { action: 'block', reason: 'malformed-url' };
  if (url.href === 'about:blank') return { action: 'allow', reason: 'blank-page' };
  if (url.protocol === 'blob:') {
    // A blob belongs to the origin that made it (a PDF or image the service generated).
    return isOriginInScope(url.origin, scope)
      ? { action: 'allow', reason: 'service-origin' }
      : { action: 'block', reason: 'scheme-not-allowed' };
  }
  if (isOriginInScope(url.href, scope)) return { action: 'allow', reason: 'service-origin' };
  if (isSignInOrigin(url.href, scope)) return { action: 'allow', reason: 'sign-in-origin' };
  const external = decideExternalOpen(url.href);
  if (external.allowed) {
    return {
      action: 'open-external',
      reason: url.protocol === 'mailto:' ? 'external-app' : 'outside-service',
    };
  }
  return { action: 'block', reason: external.reason };
}

export type PopupDecision =
  | {
      /** Open as a child window of the view: same session, same hardened webPreferences. */
      action: 'allow-in-app';
      reason: 'service-origin' | 'sign-in-origin' | 'blank-popup';
    }
  | { action: 'open-external'; reason: 'outside-service' | 'external-app' }
  | { action: 'deny'; reason: 'scheme-not-allowed' | 'malformed-url' };

/**
 * A `window.open` or `target=_blank` from a service view. Sign-in popups (the service's own
 * origin or a sign-in provider's) open in the app so the login completes in the same session;
 * `about:blank` popups also do, because sign-in and "open in new window" flows start blank and
 * then navigate: the child window is held to {@link decideNavigation} like any view.
 * Other web pages open in the system browser.
 */
export function decidePopup(targetUrl: unknown, scope: NavigationScope): PopupDecision {
  if (targetUrl === '' || targetUrl === 'about:blank') {
    return { action: 'allow-in-app', reason: 'blank-popup' };
  }
  const navigation = decideNavigation(targetUrl, scope);
  switch (navigation.action) {
    case 'allow':
      return {
        action: 'allow-in-app',
        reason: navigation.reason === 'sign-in-origin' ? 'sign-in-origin' : 'service-origin',
      };
    case 'open-external':
      return {
        action: 'open-external',
        reason: navigation.reason === 'external-app' ? 'external-app' : 'outside-service',
      };
    case 'block':
      return {
        action: 'deny',
        reason: navigation.reason === 'malformed-url' ? 'malformed-url' : 'scheme-not-allowed',
      };
  }
}

export type ExternalOpenDecision =
  | { allowed: true; url: string }
  | { allowed: false; reason: 'malformed-url' | 'scheme-not-allowed' };

/**
 * Whether a URL may be handed to the operating system (`shell.openExternal`): only parsed
 * http, https and mailto URLs without embedded credentials, of sane length. Returns the
 * re-serialised URL to open, never the raw input.
 */
export function decideExternalOpen(targetUrl: unknown): ExternalOpenDecision {
  if (typeof targetUrl !== 'string' || targetUrl.length > MAX_EXTERNAL_URL_LENGTH) {
    return { allowed: false, reason: 'malformed-url' };
  }
  const url = parseUrl(targetUrl);
  if (!url) return { allowed: false, reason: 'malformed-url' };
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return { allowed: false, reason: 'scheme-not-allowed' };
  if (url.protocol !== 'mailto:' && (url.hostname === '' || url.username || url.password)) {
    // `https://bank.example@attacker.example` reads as the bank but is not.
    return { allowed: false, reason: 'malformed-url' };
  }
  return { allowed: true, url: url.href };
}

/** A remembered answer for one service (structurally what the workspace store persists). */
export interface PermissionGrantLike {
  permission: string;
  decision: 'granted' | 'denied';
  /** Limits the answer to one origin of the service; absent = every origin of the service. */
  origin?: string | undefined;
  /** For `media`: which devices the answer covers; absent = camera and microphone. */
  mediaTypes?: readonly ('audio' | 'video')[] | undefined;
}

export interface PermissionRequest {
  permission: string;
  /** The origin asking (Electron's `requestingOrigin` / `details.requestingUrl`). */
  requestingOrigin: string;
  /** For `media`: the devices asked for; empty or absent when unknown. */
  mediaTypes?: readonly ('audio' | 'video')[] | undefined;
}

export type PermissionDecisionReason =
  | 'unknown-permission'
  | 'origin-not-in-scope'
  | 'not-allowed-for-services'
  | 'remembered'
  | 'harmless-in-scope'
  | 'needs-user-decision';

export interface PermissionDecision {
  decision: 'grant' | 'deny' | 'prompt';
  reason: PermissionDecisionReason;
  permission?: PermissionName;
}

function grantCovers(
  grant: PermissionGrantLike,
  request: PermissionRequest,
  origin: string,
): boolean {
  if (grant.permission !== request.permission) return false;
  if (grant.origin !== undefined && parseUrl(grant.origin)?.origin !== origin) return false;
  if (request.permission !== 'media' || grant.mediaTypes === undefined) return true;
  const wanted = request.mediaTypes?.length ? request.mediaTypes : (['audio', 'video'] as const);
  return wanted.every((type) => grant.mediaTypes?.includes(type));
}

/**
 * Default deny. A permission is only ever granted to the service's own origins (not to sign-in
 * providers or embedded third parties). A remembered "denied" wins over a "granted"; then the
 * permission's policy decides: `auto` grants, `ask` prompts, `never` denies.
 */
export function decidePermission(
  request: PermissionRequest,
  scope: NavigationScope,
  grants: readonly PermissionGrantLike[] = [],
): PermissionDecision {
  const { permission } = request;
  if (!isPermissionName(permission)) return { decision: 'deny', reason: 'unknown-permission' };
  const origin = parseUrl(request.requestingOrigin)?.origin;
  if (origin === undefined || !isOriginInScope(origin, scope)) {
    return { decision: 'deny', reason: 'origin-not-in-scope', permission };
  }
  const policy = permissionPolicy(permission);
  if (policy === 'never')
    return { decision: 'deny', reason: 'not-allowed-for-services', permission };
  const matching = grants.filter((grant) => grantCovers(grant, request, origin));
  if (matching.some((grant) => grant.decision === 'denied')) {
    return { decision: 'deny', reason: 'remembered', permission };
  }
  if (matching.length > 0) return { decision: 'grant', reason: 'remembered', permission };
  if (policy === 'auto') return { decision: 'grant', reason: 'harmless-in-scope', permission };
  return { decision: 'prompt', reason: 'needs-user-decision', permission };
}

/**
 * Electron's synchronous permission check: true only for what {@link decidePermission} would
 * grant without asking. A page that gets `false` may then request, which is when we ask.
 */
export function isPermissionGranted(
  request: PermissionRequest,
  scope: NavigationScope,
  grants: readonly PermissionGrantLike[] = [],
): boolean {
  return decidePermission(request, scope, grants).decision === 'grant';
}
