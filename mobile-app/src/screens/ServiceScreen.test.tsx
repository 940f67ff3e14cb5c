import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react-native';
import { ServiceScreen } from './ServiceScreen';
import type { ServiceScreenProps } from './ServiceScreen';

/**
 * react-native-webview's native view does not exist under Jest: this stand-in keeps the props
 * the screen gives it and the ref methods it calls, so the screen's decisions are what is tested.
 */
const mockWebView: { props: Record<string, unknown>; calls: string[] } = { props: {}, calls: [] };
jest.mock('react-native-webview', () => {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- jest.mock factories cannot import.
  const { forwardRef, useImperativeHandle } = jest.requireActual<typeof import('react')>('react');
  const WebView = forwardRef((props: Record<string, unknown>, ref) => {
    mockWebView.props = props;
    useImperativeHandle(ref, () => ({
      reload: () => mockWebView.calls.push('reload'),
      goBack: () => mockWebView.calls.push('goBack'),
      goForward: () => mockWebView.calls.push('goForward'),
    }));
    return null;
  });
  return { WebView };
});

const slack = {
  id: 's1',
  name: 'Slack',
  type: 'slack',
  url: 'https://acme.slack.com/',
  isolation: 'shared',
} satisfies ServiceScreenProps['service'];
const prop = <T,>(name: string) => mockWebView.props[name] as T;

function renderScreen(service: ServiceScreenProps['service'] = slack) {
  const opened: string[] = [];
  const shared: string[] = [];
  render(
    <ServiceScreen
      service={service}
      openExternally={(url) => opened.push(url)}
      share={(url) => shared.push(url)}
    />,
  );
  return { opened, shared };
}

beforeEach(() => {
  mockWebView.props = {};
  mockWebView.calls = [];
});

describe('the service screen', () => {
  it('loads the service with file access off, no bridge, and the isolation the service asks for', () => {
    renderScreen();
    expect(prop('source')).toEqual({ uri: 'https://acme.slack.com/' });
    expect(prop('allowFileAccess')).toBe(false);
    expect(prop('allowFileAccessFromFileURLs')).toBe(false);
    expect(prop('allowUniversalAccessFromFileURLs')).toBe(false);
    expect(prop('mixedContentMode')).toBe('never');
    expect(prop('incognito')).toBe(false);
    expect(mockWebView.props).not.toHaveProperty('onMessage');
    expect(mockWebView.props).not.toHaveProperty('injectedJavaScript');
    expect(screen.queryByText(/forgets when the app closes/)).toBeNull();
    renderScreen({ ...slack, isolation: 'isolated' });
    expect(prop('incognito')).toBe(true);
    // The platform's limit is said where the user meets it.
    expect(screen.getByText(/forgets when the app closes/)).toBeTruthy();
  });

  it('decides each load with the shared rules, sending foreign links to the browser', () => {
    const { opened } = renderScreen();
    const decide = prop<(request: { url: string; isTopFrame: boolean }) => boolean>(
      'onShouldStartLoadWithRequest',
    );
    expect(decide({ url: 'https://acme.slack.com/archives/C1', isTopFrame: true })).toBe(true);
    expect(decide({ url: 'https://accounts.google.com/signin', isTopFrame: true })).toBe(true);
    expect(decide({ url: 'https://example.com/news', isTopFrame: true })).toBe(false);
    expect(decide({ url: 'javascript:alert(1)', isTopFrame: true })).toBe(false);
    expect(opened).toEqual(['https://example.com/news']);
  });

  it('loads a sign-in popup in place and opens other popups in the browser', () => {
    const { opened } = renderScreen();
    const openWindow = (targetUrl: string) =>
      act(() =>
        prop<(event: { nativeEvent: { targetUrl: string } }) => void>('onOpenWindow')({
          nativeEvent: { targetUrl },
        }),
      );
    openWindow('https://example.com/shared-doc');
    expect(opened).toEqual(['https://example.com/shared-doc']);
    openWindow('https://accounts.google.com/o/oauth2/auth');
    expect(prop('source')).toEqual({ uri: 'https://accounts.google.com/o/oauth2/auth' });
    openWindow('javascript:alert(1)');
    expect(opened).toHaveLength(1);
  });

  it('goes back and forward only when it can, reloads, opens and shares the page on screen', () => {
    const { opened, shared } = renderScreen();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    act(() =>
      prop<(state: object) => void>('onNavigationStateChange')({
        url: 'https://acme.slack.com/archives/C1',
        canGoBack: true,
        canGoForward: false,
      }),
    );
    fireEvent.press(screen.getByRole('button', { name: 'Back' }));
    fireEvent.press(screen.getByRole('button', { name: 'Forward' }));
    fireEvent.press(screen.getByRole('button', { name: 'Reload' }));
    expect(mockWebView.calls).toEqual(['goBack', 'reload']);
    fireEvent.press(screen.getByRole('button', { name: 'Open in browser' }));
    fireEvent.press(screen.getByRole('button', { name: 'Share' }));
    expect(opened).toEqual(['https://acme.slack.com/archives/C1']);
    expect(shared).toEqual(['https://acme.slack.com/archives/C1']);
  });

  it('shows progress, and a page that failed with a way to try again', () => {
    renderScreen();
    act(() => prop<(event: object) => void>('onLoadProgress')({ nativeEvent: { progress: 0.4 } }));
    expect(screen.getByRole('progressbar').props.accessibilityValue).toMatchObject({ now: 40 });
    act(() =>
      prop<(event: object) => void>('onError')({
        nativeEvent: { description: 'The Internet connection appears to be offline.' },
      }),
    );
    expect(screen.getByRole('alert').props.children).toEqual([
      'Slack',
      ' could not be loaded: ',
      'The Internet connection appears to be offline.',
    ]);
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(mockWebView.calls).toEqual(['reload']);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => prop<(event: object) => void>('onHttpError')({ nativeEvent: { statusCode: 503 } }));
    expect(screen.getByRole('alert').props.children).toContain('the server answered 503');
    act(() => prop<() => void>('onLoadStart')());
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => prop<(event: object) => void>('onHttpError')({ nativeEvent: { statusCode: 404 } }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads the unread count from the page title', () => {
    const badges: unknown[] = [];
    render(
      <ServiceScreen
        service={slack}
        openExternally={() => undefined}
        share={() => undefined}
        onUnread={(badge) => badges.push(badge)}
      />,
    );
    const change = prop<(state: object) => void>('onNavigationStateChange');
    act(() =>
      change({ url: slack.url, title: '(3) Slack', canGoBack: false, canGoForward: false }),
    );
    act(() => change({ url: slack.url, title: '', canGoBack: false, canGoForward: false }));
    act(() => change({ url: slack.url, title: '• Slack', canGoBack: false, canGoForward: false }));
    expect(badges).toEqual([
      { count: 3, attention: false },
      { count: 0, attention: true },
    ]);
  });

  it('starts the page again when the system ended its process', () => {
    renderScreen();
    act(() => prop<() => void>('onContentProcessDidTerminate')());
    act(() => prop<() => void>('onRenderProcessGone')());
    expect(mockWebView.calls).toEqual(['reload', 'reload']);
  });
});
