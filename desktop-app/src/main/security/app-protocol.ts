import { extname, resolve, sep } from 'node:path';

/**
 * The app's own UI is served from app://flowdesk/ (checklist item 18): a privileged custom
 * scheme instead of file://, so the UI has a real origin, a strict CSP header and no access to
 * the rest of the disk. This module decides what a request may read; the adapter serves it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'flowdesk';

/**
 * Only the app's own files; no inline script, no eval, no remote anything. Images may be data:
 * URLs (custom service icons the user uploaded). The UI talks to the main process over IPC, so
 * connect-src needs nothing but itself.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type AppAssetResolution =
  { status: 200; path: string; contentType: string } | { status: 400 | 403 | 404; reason: string };

/** Maps an app:// request to a file under `root`, refusing anything that would leave it. */
export function resolveAppAsset(root: string, requestUrl: string): AppAssetResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return { status: 403, reason: 'foreign origin' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, reason: 'malformed path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\'))
    return { status: 400, reason: 'malformed path' };
  // Client-side routes ("/settings") load the app shell; files have an extension.
  const relative = pathname === '/' || extname(pathname) === '' ? '/index.html' : pathname;
  const base = resolve(root);
  const target = resolve(base, `.${relative}`);
  if (!target.startsWith(base + sep)) return { status: 403, reason: 'outside the app' };
  const contentType = CONTENT_TYPES[extname(target).toLowerCase()];
  if (!contentType) return { status: 404, reason: 'unknown file type' };
  return { status: 200, path: target, contentType };
}

/** Headers of every app:// response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
