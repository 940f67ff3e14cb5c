import type {
  DevicePermissionHandlerHandlerDetails,
  MediaAccessPermissionRequest,
  PermissionCheckHandlerHandlerDetails,
  PermissionRequest,
  Session,
} from 'electron';
import { decidePermission, isPermissionGranted, parseUrl } from '@flowdesk/shared/security';
import type { NavigationScope, PermissionGrantLike } from '@flowdesk/shared/security';

/**
 * Permission handlers for every session that shows a service (checklist item 5): default deny,
 * decided by the requesting origin (never webContents.getURL()), per-service answers remembered,
 * sensitive ones asked through the app UI. Request AND check handlers are installed, plus the
 * device (HID/serial/USB) handler, which always refuses.
 */

/** What the handlers need to know about the service a webContents shows. */
export interface ServicePermissionContext {
  workspaceId: string;
  serviceId: string;
  scope: NavigationScope;
  grants: readonly PermissionGrantLike[];
  /**
   * False while the service's notifications are off or muted, or its workspace is in
   * do-not-disturb (mayNotify in shared/src/workspace): the page then cannot show banners.
   */
  notificationsAllowed?: boolean;
}

export interface PermissionPromptRequest {
  workspaceId: string;
  serviceId: string;
  permission: string;
  origin: string;
  mediaTypes?: ('audio' | 'video')[];
}

export interface PermissionDecisionRecord extends PermissionPromptRequest {
  webContentsId: number;
  granted: boolean;
  reason: string;
}

export interface PermissionHandlerDependencies {
  /** The service shown by a webContents (by its id); undefined for anything else: denied. */
  serviceForWebContents: (
    webContentsId: number | undefined,
  ) => ServicePermissionContext | undefined;
  /** Asks the user in the app UI; resolves true when allowed. Must settle (it times out itself). */
  prompt: (request: PermissionPromptRequest) => Promise<boolean>;
  /** Every request decision, for the audit trail. */
  record: (decision: PermissionDecisionRecord) => void;
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

function mediaTypesOf(details: PermissionRequest): ('audio' | 'video')[] | undefined {
  const types = (details as MediaAccessPermissionRequest).mediaTypes;
  return Array.isArray(types)
    ? types.filter((type) => type === 'audio' || type === 'video')
    : undefined;
}

/** The origin a permission request comes from; '' (matches nothing) when it has none. */
function originOf(url: string | undefined): string {
  return parseUrl(url)?.origin ?? '';
}

export function installPermissionHandlers(
  session: PermissionSession,
  deps: PermissionHandlerDependencies,
): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const context = deps.serviceForWebContents(webContents.id);
    const origin = originOf(details.requestingUrl);
    const mediaTypes = mediaTypesOf(details);
    const base = {
      workspaceId: context?.workspaceId ?? '',
      serviceId: context?.serviceId ?? '',
      permission,
      origin,
      ...(mediaTypes ? { mediaTypes } : {}),
    };
    const finish = (granted: boolean, reason: string) => {
      deps.record({ ...base, webContentsId: webContents.id, granted, reason });
      callback(granted);
    };
    if (!context) {
      finish(false, 'unknown-web-contents');
      return;
    }
    if (permission === 'notifications' && context.notificationsAllowed === false) {
      finish(false, 'notifications-held');
      return;
    }
    const decision = decidePermission(
      { permission, requestingOrigin: origin, mediaTypes },
      context.scope,
      context.grants,
    );
    if (decision.decision !== 'prompt') {
      finish(decision.decision === 'grant', decision.reason);
      return;
    }
    deps.prompt(base).then(
      (granted) => finish(granted, granted ? 'user-granted' : 'user-denied'),
      () => finish(false, 'prompt-failed'),
    );
  });

  session.setPermissionCheckHandler(
    (webContents, permission, requestingOrigin, details: PermissionCheckHandlerHandlerDetails) => {
      const context = deps.serviceForWebContents(webContents?.id);
      if (!context) return false;
      if (permission === 'notifications' && context.notificationsAllowed === false) return false;
      const mediaType =
        details.mediaType === 'audio' || details.mediaType === 'video'
          ? [details.mediaType]
          : undefined;
      return isPermissionGranted(
        { permission, requestingOrigin, mediaTypes: mediaType },
        context.scope,
        context.grants,
      );
    },
  );

  // WebHID, Web Serial and WebUSB: no service in a Flow Desk view gets device access.
  session.setDevicePermissionHandler((_details: DevicePermissionHandlerHandlerDetails) => false);
}
