import type {
  BrowserWindowConstructorOptions,
  WebContentsViewConstructorOptions,
  WebPreferences,
} from 'electron';

/**
 * THE webPreferences factory (ARCHITECTURE.md decision 2). Every WebContents Flow Desk creates —
 * service views, their popups, the app's own UI — gets its options from here; a test fails if
 * any other file in the desktop app mentions webPreferences. Service views are hostile content:
 * sandboxed, isolated, no Node, web security on, no preload, nothing experimental.
 */

/** Settings every WebContents shares, whatever it shows. */
const HARDENED: Readonly<WebPreferences> = Object.freeze({
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // A page cannot lock the user in with endless alert() loops.
  safeDialogs: true,
});

export interface ServiceViewOptions {
  /** From sessionPartitionFor in shared/src/workspace: never built by hand. */
  partition: string;
  spellcheck: boolean;
  /** Background views keep timers slow; a call or media service may need it off. Default true. */
  backgroundThrottling?: boolean;
}

/** webPreferences of a service view: hostile web content, no preload, no API of ours. */
export function serviceViewWebPreferences(options: ServiceViewOptions): WebPreferences {
  return {
    ...HARDENED,
    partition: options.partition,
    spellcheck: options.spellcheck,
    backgroundThrottling: options.backgroundThrottling ?? true,
    // Never a preload: the page gets no bridge to the app.
  };
}

/** Constructor options of a service view's WebContentsView. */
export function serviceViewOptions(options: ServiceViewOptions): WebContentsViewConstructorOptions {
  return { webPreferences: serviceViewWebPreferences(options) };
}

/**
 * Options of a popup a service opens in the app (a sign-in window): the same session as its
 * opener and the same hardening; the child cannot be given more than the view has.
 */
export function servicePopupWindowOptions(
  options: ServiceViewOptions & { title?: string },
): BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 720,
    autoHideMenuBar: true,
    ...(options.title === undefined ? {} : { title: options.title }),
    webPreferences: serviceViewWebPreferences(options),
  };
}

export interface AppUiOptions {
  /** Absolute path of the built preload script that exposes window.flowdesk. */
  preloadPath: string;
}

/** The app's own UI: trusted code from app://, still sandboxed, talking only through the preload. */
export function appUiViewOptions(options: AppUiOptions): WebContentsViewConstructorOptions {
  return {
    webPreferences: {
      ...HARDENED,
      preload: options.preloadPath,
      spellcheck: true,
      // The UI must stay responsive when the window is in the background (badges, prompts).
      backgroundThrottling: false,
    },
  };
}

/** The values a test asserts on every WebContents: the part nobody may loosen. */
export const HARDENED_WEB_PREFERENCES = HARDENED;
