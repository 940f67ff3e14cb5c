import { useMemo, useRef, useState } from 'react';
import { Pressable, StyleSheet, Text, View, useColorScheme } from 'react-native';
import { WebView } from 'react-native-webview';
import type {
  ShouldStartLoadRequest,
  WebViewNavigation,
} from 'react-native-webview/lib/WebViewTypes';
import { unreadFromTitle } from '@flowdesk/shared/workspace';
import type { UnreadBadge } from '@flowdesk/shared/workspace';
import {
  decideOpenWindow,
  decideWebViewRequest,
  scopeOfService,
} from '../security/webview-navigation';
import { textColor } from './controls';

/**
 * One service in its WebView (issue 11, in progress): every load decided by the shared rules,
 * popups handled the same way, no JavaScript bridge into the page, no file access; back,
 * forward, reload, open in the browser and share; a progress bar; and a page that failed to
 * load shown as such, with a way to try again.
 */

export interface ServiceScreenProps {
  service: {
    id: string;
    name: string;
    type: string;
    url: string;
    isolation: 'shared' | 'isolated';
  };
  /** Opens an address in the system (already decided safe by the shared rules). */
  openExternally: (url: string) => void;
  share: (url: string) => void;
  /** The unread count the page shows in its title ("(3) Slack"), as it changes. */
  onUnread?: (badge: UnreadBadge) => void;
}

interface PageState {
  url: string;
  canGoBack: boolean;
  canGoForward: boolean;
}

export function ServiceScreen({ service, openExternally, share, onUnread }: ServiceScreenProps) {
  const webView = useRef<WebView>(null);
  const scope = useMemo(() => scopeOfService(service), [service]);
  const [page, setPage] = useState<PageState>({
    url: service.url,
    canGoBack: false,
    canGoForward: false,
  });
  const [progress, setProgress] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [source, setSource] = useState({ uri: service.url });
  const dark = useColorScheme() === 'dark';

  const shouldStart = (request: ShouldStartLoadRequest) => {
    const decision = decideWebViewRequest(request, scope);
    if (!decision.load && decision.openExternally) openExternally(decision.openExternally);
    return decision.load;
  };
  const button = (label: string, onPress: () => void, enabled = true) => (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityState={{ disabled: !enabled }}
      disabled={!enabled}
      onPress={onPress}
      style={[styles.tool, !enabled && styles.disabled]}
    >
      <Text style={textColor(dark)}>{label}</Text>
    </Pressable>
  );

  return (
    <View style={styles.screen}>
      <View
        accessible
        accessibilityRole="progressbar"
        accessibilityLabel={`Loading ${service.name}`}
        accessibilityValue={{ min: 0, max: 100, now: Math.round(progress * 100) }}
        style={[styles.progress, { width: `${progress < 1 ? progress * 100 : 0}%` }]}
      />
      {service.isolation === 'isolated' ? (
        // What the platform offers today (docs/mobile-isolation.md), said plainly.
        <Text style={styles.isolated}>
          Isolated: this service keeps its own sign-in, which this phone forgets when the app
          closes.
        </Text>
      ) : null}
      {failure ? (
        <View style={styles.failure}>
          <Text accessibilityRole="alert" style={styles.failureText}>
            {service.name} could not be loaded: {failure}
          </Text>
          {button('Try again', () => {
            setFailure(null);
            webView.current?.reload();
          })}
        </View>
      ) : null}
      <WebView
        ref={webView}
        source={source}
        style={styles.web}
        // Shared services use the system's web data store; isolated ones the private store.
        incognito={service.isolation === 'isolated'}
        onShouldStartLoadWithRequest={shouldStart}
        setSupportMultipleWindows
        javaScriptCanOpenWindowsAutomatically={false}
        onOpenWindow={(event) => {
          const decision = decideOpenWindow(event.nativeEvent.targetUrl, scope);
          if (decision.action === 'load-here') setSource({ uri: decision.url });
          else if (decision.action === 'open-externally') openExternally(decision.url);
        }}
        allowFileAccess={false}
        allowFileAccessFromFileURLs={false}
        allowUniversalAccessFromFileURLs={false}
        mixedContentMode="never"
        pullToRefreshEnabled
        allowsBackForwardNavigationGestures
        onLoadProgress={(event) => setProgress(event.nativeEvent.progress)}
        onLoadStart={() => setFailure(null)}
        onError={(event) => setFailure(event.nativeEvent.description || 'the page did not answer')}
        onHttpError={(event) => {
          if (event.nativeEvent.statusCode >= 500) {
            setFailure(`the server answered ${event.nativeEvent.statusCode}`);
          }
        }}
        onNavigationStateChange={(state: WebViewNavigation) => {
          setPage({ url: state.url, canGoBack: state.canGoBack, canGoForward: state.canGoForward });
          // The title is the one unread signal every web app gives, and needs no bridge.
          if (state.title) onUnread?.(unreadFromTitle(state.title));
        }}
        // A page whose process was ended by the system starts again instead of staying blank.
        onContentProcessDidTerminate={() => webView.current?.reload()}
        onRenderProcessGone={() => webView.current?.reload()}
      />
      <View style={[styles.toolbar, { backgroundColor: dark ? '#171717' : '#f5f5f5' }]}>
        {button('Back', () => webView.current?.goBack(), page.canGoBack)}
        {button('Forward', () => webView.current?.goForward(), page.canGoForward)}
        {button('Reload', () => webView.current?.reload())}
        {button('Open in browser', () => openExternally(page.url))}
        {button('Share', () => share(page.url))}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  web: { flex: 1 },
  progress: { height: 3, backgroundColor: '#2563eb' },
  failure: { padding: 16, gap: 8, backgroundColor: '#fef2f2' },
  failureText: { color: '#991b1b' },
  isolated: { padding: 8, fontSize: 12, backgroundColor: '#eff6ff', color: '#1e3a8a' },
  toolbar: { flexDirection: 'row', justifyContent: 'space-around', paddingVertical: 6 },
  tool: { minHeight: 44, minWidth: 44, justifyContent: 'center', paddingHorizontal: 6 },
  disabled: { opacity: 0.4 },
});
