import type { ExpoConfig } from 'expo/config';

/** The Flow Desk mobile app (issue 11): Expo SDK 57, Expo Router. */
const config: ExpoConfig = {
  name: 'Flow Desk',
  slug: 'flowdesk',
  scheme: 'flowdesk',
  version: '0.1.0',
  orientation: 'default',
  userInterfaceStyle: 'automatic',
  ios: { bundleIdentifier: 'app.flowdesk.mobile', supportsTablet: true },
  android: { package: 'app.flowdesk.mobile' },
  plugins: ['expo-router', 'expo-secure-store'],
  experiments: { typedRoutes: false },
};

export default config;
