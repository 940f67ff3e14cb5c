import { describe, expect, it } from 'vitest';
import { APP_CONTENT_SECURITY_POLICY, appResponseHeaders, resolveAppAsset } from './app-protocol';

const root = '/opt/flowdesk/out/renderer';

describe('resolveAppAsset', () => {
  it('serves the app shell and its files', () => {
    expect(resolveAppAsset(root, 'app://flowdesk/')).toEqual({
      status: 200,
      path: `${root}/index.html`,
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://flowdesk/settings/general')).toMatchObject({
      status: 200,
      path: `${root}/index.html`,
    });
    expect(resolveAppAsset(root, 'app://flowdesk/assets/index-3f2a.js?v=1')).toEqual({
      status: 200,
      path: `${root}/assets/index-3f2a.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://flowdesk/assets/a%20b.css')).toMatchObject({
      status: 200,
      path: `${root}/assets/a b.css`,
    });
  });

  it.each([
    ['app://flowdesk/../../etc/passwd.js', 200],
    ['app://flowdesk/%2e%2e/%2e%2e/etc/passwd.css', 200],
    ['app://flowdesk/..%2f..%2fsecrets.json', 403],
    ['app://flowdesk/assets/..%5c..%5cwin.ini.css', 400],
    ['app://flowdesk/x%00.js', 400],
    ['app://flowdesk/%E0%A4%A', 400],
    ['app://evil/index.html', 403],
    ['https://flowdesk/index.html', 403],
    ['not a url', 400],
    ['app://flowdesk/archive.zip', 404],
  ])('%s → %i, never outside the app', (url, status) => {
    const result = resolveAppAsset(root, url);
    expect(result.status).toBe(status);
    if (result.status === 200) expect(result.path.startsWith(`${root}/`)).toBe(true);
  });
});

describe('app responses', () => {
  it('carry a strict CSP and no-sniff', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(appResponseHeaders('text/html')).toMatchObject({
      'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
