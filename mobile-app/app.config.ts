import type { ExpoConfig } from 'expo/config';

/** The Flow Desk mobile app (issue 11): Expo SDK 57, Expo Router. */
const config: ExpoConfig = {
  name: 'Flow Desk',
  slug: 'flowdesk',
  scheme: 'flowdesk',
  version: '0.1.0',
  orientation: 'default',
  userInterfaceStyle: 'automatic',
  // The desktop app's icon (1024 × 1024), so both apps look the same.
  icon: './assets/icon.png',
  ios: { bundleIdentifier: 'app.flowdesk.mobile', supportsTablet: true },
  android: {
    package: 'app.flowdesk.mobile',
    adaptiveIcon: { foregroundImage: './assets/icon.png', backgroundColor: '#1d4ed8' },
  },
  plugins: ['expo-router', 'expo-secure-store'],
  experiments: { typedRoutes: false },
};

export default config;
