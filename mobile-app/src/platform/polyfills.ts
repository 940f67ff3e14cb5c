/**
 * React Native's own `URL` is a few regular expressions, not the WHATWG parser: it never refuses
 * an address and reads `https://evil.example\@slack.com` as slack.com, where browsers (and the
 * WebView) go to evil.example. The shared navigation and address rules rely on `URL` reading
 * addresses as the WebView does, so the standard one (react-native-url-polyfill, tested against
 * the web platform tests) replaces it before anything else runs (index.ts).
 */
import 'react-native-url-polyfill/auto';
