import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type * as Navigation from '../security/webview-navigation';

/**
 * The address parser the app runs on: React Native's built-in URL is swapped in first (as on a
 * phone), then the app's polyfill module is loaded as index.ts loads it.
 */
const standardUrl = globalThis.URL;
afterEach(() => {
  globalThis.URL = standardUrl;
});

function reactNativeUrl(): typeof URL {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('react-native/Libraries/Blob/URL') as { URL: typeof URL }).URL;
}

const trick = 'https://evil.example\\@slack.com/';

describe('the URL the app runs on', () => {
  it('is why the polyfill exists: React Native’s own URL reads a backslash trick wrongly', () => {
    const NativeUrl = reactNativeUrl();
    expect(new NativeUrl(trick).hostname).toBe('slack.com');
    expect(() => new NativeUrl('not an address')).not.toThrow();
  });

  it('reads addresses as the WebView does once the app’s polyfill is loaded', () => {
    globalThis.URL = reactNativeUrl();
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./polyfills');
    });
    expect(globalThis.URL).not.toBe(reactNativeUrl());
    expect(new URL(trick).hostname).toBe('evil.example');
    expect(new URL('HTTPS://App.Slack.COM:443/a/../b').href).toBe('https://app.slack.com/b');
    expect(() => new URL('not an address')).toThrow(TypeError);
  });

  it('keeps the shared navigation rules honest: the trick is not the service’s own page', () => {
    const decide = (): unknown => {
      let decision: unknown;
      jest.isolateModules(() => {
        const { decideWebViewRequest, scopeOfService } =
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('../security/webview-navigation') as typeof Navigation;
        const scope = scopeOfService({ type: 'slack', url: 'https://app.slack.com/client' });
        decision = decideWebViewRequest({ url: 'https://evil.example\\@app.slack.com/' }, scope);
      });
      return decision;
    };
    globalThis.URL = reactNativeUrl();
    // Without the polyfill the foreign page would load inside Slack's WebView.
    expect(decide()).toEqual({ load: true });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./polyfills');
    });
    const decided = decide() as { load: boolean; openExternally?: string };
    expect(decided.load).toBe(false);
    expect(new URL(decided.openExternally ?? '').hostname).toBe('evil.example');
  });
});
