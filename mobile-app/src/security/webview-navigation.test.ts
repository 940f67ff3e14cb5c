import { describe, expect, it } from '@jest/globals';
import { decideOpenWindow, decideWebViewRequest, scopeOfService } from './webview-navigation';

const slack = scopeOfService({ type: 'slack', url: 'https://acme.slack.com/' });
const top = (url: string) => decideWebViewRequest({ url, isTopFrame: true }, slack);

describe('what a service WebView may load', () => {
  it('keeps the service’s own pages in the WebView', () => {
    expect(top('https://acme.slack.com/messages/C123')).toEqual({ load: true });
    expect(top('https://app.slack.com/client/T1')).toEqual({ load: true });
  });

  it('keeps a sign-in redirect to the service’s provider in the WebView', () => {
    expect(top('https://accounts.google.com/o/oauth2/auth?client_id=x')).toEqual({ load: true });
  });

  it('sends a foreign link to the system browser, as a clean address', () => {
    expect(top('https://example.com/article?id=1')).toEqual({
      load: false,
      openExternally: 'https://example.com/article?id=1',
      reason: 'outside-service',
    });
    expect(top('mailto:ada@example.com')).toMatchObject({
      load: false,
      openExternally: 'mailto:ada@example.com',
    });
  });

  it('refuses javascript:, data:, file: and app schemes outright', () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'intent://scan/#Intent;scheme=zxing;end',
      'not a url',
    ]) {
      expect(top(url)).toMatchObject({ load: false });
      expect(top(url)).not.toHaveProperty('openExternally');
    }
  });

  it('lets frames load web content in place, never opening anything', () => {
    const frame = (url: string) => decideWebViewRequest({ url, isTopFrame: false }, slack);
    expect(frame('https://www.youtube.com/embed/x')).toEqual({ load: true });
    expect(frame('javascript:alert(1)')).toEqual({ load: false, reason: 'scheme-not-allowed' });
    expect(frame('file:///sdcard/x')).toMatchObject({ load: false });
    expect(frame('data:text/html,<script>1</script>')).toMatchObject({ load: false });
  });
});

describe('what a popup does on a phone', () => {
  it('loads a sign-in popup in the same WebView, opens other pages in the browser', () => {
    expect(decideOpenWindow('https://accounts.google.com/signin', slack)).toEqual({
      action: 'load-here',
      url: 'https://accounts.google.com/signin',
    });
    expect(decideOpenWindow('https://example.com/', slack)).toEqual({
      action: 'open-externally',
      url: 'https://example.com/',
    });
    expect(decideOpenWindow('javascript:void(0)', slack)).toMatchObject({ action: 'ignore' });
    expect(decideOpenWindow('about:blank', slack)).toEqual({
      action: 'ignore',
      reason: 'blank-popup',
    });
  });

  it('scopes a custom service to its own site', () => {
    const wiki = scopeOfService({ type: 'custom-template', url: 'https://wiki.acme.example/' });
    expect(decideWebViewRequest({ url: 'https://wiki.acme.example/page' }, wiki)).toEqual({
      load: true,
    });
    expect(decideWebViewRequest({ url: 'https://slack.com/' }, wiki)).toMatchObject({
      load: false,
      openExternally: 'https://slack.com/',
    });
  });
});
