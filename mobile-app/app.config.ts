import type { ExpoConfig } from 'expo/config';

/**
 * The Flow Desk mobile app (issue 11): Expo SDK 57, Expo Router. A release build pins the
 * license website's public keys from its environment (FLOWDESK_LICENSE_PUBLIC_KEYS, a JWKS, as
 * the desktop build does); without them licensing is off and nothing is limited.
 */
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
  plugins: [
    'expo-router',
    'expo-secure-store',
    [
      'expo-splash-screen',
      {
        image: './assets/icon.png',
        imageWidth: 160,
        resizeMode: 'contain',
        backgroundColor: '#ffffff',
        dark: { image: './assets/icon.png', backgroundColor: '#0a0a0a' },
      },
    ],
  ],
  experiments: { typedRoutes: false },
  extra: {
    license: {
      siteUrl: process.env.FLOWDESK_SITE_URL ?? 'https://flowdesk.app',
      publicKeys: process.env.FLOWDESK_LICENSE_PUBLIC_KEYS ?? '',
      // Development builds only: a website on the computer the app is served from.
      developmentSite: process.env.FLOWDESK_DEV_LICENSE_SITE ?? '',
    },
  },
};

export default config;
