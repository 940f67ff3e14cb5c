// The app's entry: the URL polyfill is installed before any other module runs, then Expo Router.
import './src/platform/polyfills';
import 'expo-router/entry';
