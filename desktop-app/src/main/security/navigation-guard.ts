import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  WindowOpenHandlerResponse,
} from 'electron';
import {
  decideExternalOpen,
  decideNavigation,
  decidePopup,
  parseUrl,
} from '@flowdesk/shared/security';
import type { NavigationScope } from '@flowdesk/shared/security';

/**
 * Where a service view may go (Electron security checklist items 13 and 14). The adapter in
 * src/main/electron wires these handlers to will-navigate, will-redirect, will-frame-navigate,
 * setWindowOpenHandler and will-attach-webview of every service webContents and its popups;
 * the decisions themselves are the shared, tested rules of shared/src/security.
 */

export interface NavigationAuditEvent {
  kind: 'navigation_blocked' | 'popup_blocked' | 'opened_externally';
  url: string;
  reason: string;
  isMainFrame: boolean;
}

export interface NavigationGuardDependencies {
  scope: NavigationScope;
  /** Hands a checked URL to the operating system (shell.openExternal). */
  openExternal: (url: string) => void;
  /** Options for a popup allowed in the app: the factory's, same session as the view. */
  popupWindowOptions: () => BrowserWindowConstructorOptions;
  audit: (event: NavigationAuditEvent) => void;
  /** The organization's URL policies (policy/policy-store.ts): false keeps the page where it is. */
  policyAllows?: (url: string) => boolean;
}

export interface NavigationGuard {
  /** will-navigate and will-redirect of the main frame: true = cancel. */
  shouldCancelNavigation(url: string): boolean;
  /** will-frame-navigate of a subframe: embeds may go anywhere on the web, never to a dangerous scheme. */
  shouldCancelFrameNavigation(url: string): boolean;
  windowOpenHandler(
    details: Pick<HandlerDetails, 'url' | 'disposition'>,
  ): WindowOpenHandlerResponse;
}

/** A URL for the audit trail: origin and path only, never a query (tokens live there). */
function auditUrl(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed) return '[unparseable]';
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
    return `${parsed.origin}${parsed.pathname}`;
  return `${parsed.protocol}…`;
}

export function createNavigationGuard(deps: NavigationGuardDependencies): NavigationGuard {
  const openOutside = (url: string, isMainFrame: boolean) => {
    const external = decideExternalOpen(url);
    if (external.allowed) {
      deps.openExternal(external.url);
      deps.audit({
        kind: 'opened_externally',
        url: auditUrl(url),
        reason: 'outside-service',
        isMainFrame,
      });
    }
  };

  return {
    shouldCancelNavigation(url) {
      const decision = decideNavigation(url, deps.scope);
      if (decision.action === 'allow') {
        if (deps.policyAllows?.(url) ?? true) return false;
        deps.audit({
          kind: 'navigation_blocked',
          url: auditUrl(url),
          reason: 'policy',
          isMainFrame: true,
        });
        return true;
      }
      if (decision.action === 'open-external') openOutside(url, true);
      else
        deps.audit({
          kind: 'navigation_blocked',
          url: auditUrl(url),
          reason: decision.reason,
          isMainFrame: true,
        });
      return true;
    },

    shouldCancelFrameNavigation(url) {
      const parsed = parseUrl(url);
      const web = parsed !== undefined && ['https:', 'http:'].includes(parsed.protocol);
      const inert = url === 'about:blank' || url === 'about:srcdoc';
      const ownBlob =
        parsed?.protocol === 'blob:' && decideNavigation(url, deps.scope).action === 'allow';
      if (web || inert || ownBlob) return false;
      deps.audit({
        kind: 'navigation_blocked',
        url: auditUrl(url),
        reason: 'scheme-not-allowed',
        isMainFrame: false,
      });
      return true;
    },

    windowOpenHandler({ url }) {
      const decision = decidePopup(url, deps.scope);
      if (decision.action === 'allow-in-app' && (deps.policyAllows?.(url) ?? true)) {
        return { action: 'allow', overrideBrowserWindowOptions: deps.popupWindowOptions() };
      }
      if (decision.action === 'allow-in-app') {
        deps.audit({
          kind: 'popup_blocked',
          url: auditUrl(url),
          reason: 'policy',
          isMainFrame: true,
        });
        return { action: 'deny' };
      }
      if (decision.action === 'open-external') openOutside(url, true);
      else
        deps.audit({
          kind: 'popup_blocked',
          url: auditUrl(url),
          reason: decision.reason,
          isMainFrame: true,
        });
      return { action: 'deny' };
    },
  };
}
