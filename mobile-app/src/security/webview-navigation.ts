import {
  CUSTOM_SERVICE_ID,
  getServiceDefinition,
  navigationScopeFor,
  requireServiceDefinition,
} from '@flowdesk/shared/catalog';
import { decideNavigation, decidePopup, parseUrl } from '@flowdesk/shared/security';
import type { NavigationScope } from '@flowdesk/shared/security';

/**
 * What a service's WebView may load (issue 11), decided by the same shared functions as the
 * desktop app's views: the service's own origins and its sign-in providers stay in the WebView,
 * other web pages and mail links go to the system after validation, and everything else
 * (javascript:, data:, file:, intent:…) is refused.
 */

export function scopeOfService(service: { type: string; url: string }): NavigationScope {
  const definition =
    getServiceDefinition(service.type) ?? requireServiceDefinition(CUSTOM_SERVICE_ID);
  return navigationScopeFor(definition, service.url);
}

export type WebViewDecision =
  { load: true } | { load: false; openExternally?: string; reason: string };

/** Schemes an embedded frame may load in place: it never leaves the service's page. */
const FRAME_SCHEMES = new Set(['https:', 'http:', 'about:', 'blob:']);

/**
 * `onShouldStartLoadWithRequest`: the page itself follows decideNavigation; a frame inside it
 * (a video or a document embedded by the service) may load web content but never opens anything.
 */
export function decideWebViewRequest(
  request: { url: string; isTopFrame?: boolean },
  scope: NavigationScope,
): WebViewDecision {
  if (request.isTopFrame === false) {
    const url = parseUrl(request.url);
    return url && FRAME_SCHEMES.has(url.protocol)
      ? { load: true }
      : { load: false, reason: 'scheme-not-allowed' };
  }
  const decision = decideNavigation(request.url, scope);
  switch (decision.action) {
    case 'allow':
      return { load: true };
    case 'open-external':
      return { load: false, openExternally: new URL(request.url).href, reason: decision.reason };
    case 'block':
      return { load: false, reason: decision.reason };
  }
}

export type OpenWindowDecision =
  | { action: 'load-here'; url: string }
  | { action: 'open-externally'; url: string }
  | { action: 'ignore'; reason: string };

/**
 * `onOpenWindow` (window.open, target=_blank): a phone has no second window, so a sign-in popup
 * of the service or its provider loads in the same WebView; other pages open in the browser.
 */
export function decideOpenWindow(targetUrl: string, scope: NavigationScope): OpenWindowDecision {
  const decision = decidePopup(targetUrl, scope);
  switch (decision.action) {
    case 'allow-in-app':
      return decision.reason === 'blank-popup'
        ? { action: 'ignore', reason: 'blank-popup' }
        : { action: 'load-here', url: new URL(targetUrl).href };
    case 'open-external':
      return { action: 'open-externally', url: new URL(targetUrl).href };
    case 'deny':
      return { action: 'ignore', reason: decision.reason };
  }
}
