import type { ExpoConfig } from 'expo/config';

// The build's environment (Expo reads this file under Node; the app's types have no Node).
declare const process: { env: Record<string, string | undefined> };

/**
 * The Flow Desk mobile app (issue 11): Expo SDK 57, Expo Router. A build pins the license
 * website's public keys from its environment (FLOWDESK_LICENSE_PUBLIC_KEYS, a JWKS, as the
 * desktop build does; for EAS, a variable of the profile's EAS environment). A production build
 * without them is refused; other builds without them have licensing off, limiting nothing.
 */
export function appConfig(env: Record<string, string | undefined>): ExpoConfig {
  const publicKeys = env.FLOWDESK_LICENSE_PUBLIC_KEYS?.trim() ?? '';
  if (env.EAS_BUILD_PROFILE === 'production' && !publicKeys) {
    throw new Error(
      'A production build of the mobile app needs FLOWDESK_LICENSE_PUBLIC_KEYS (the JWKS the website publishes) in the EAS "production" environment. See docs/releasing.md.',
    );
  }
  return {
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
        siteUrl: env.FLOWDESK_SITE_URL?.trim() || 'https://flowdesk.app',
        publicKeys,
        // Development builds only: a website on the computer the app is served from.
        developmentSite: env.FLOWDESK_DEV_LICENSE_SITE?.trim() ?? '',
      },
    },
  };
}

export default (): ExpoConfig => appConfig(process.env);
