import Constants from 'expo-constants';
import { DarkTheme, DefaultTheme, Stack, ThemeProvider } from 'expo-router';
import * as SplashScreen from 'expo-splash-screen';
import { useEffect } from 'react';
import { Linking, useColorScheme } from 'react-native';
import type { LicenseSnapshot } from '@flowdesk/shared/licensing';
import { LicenseProvider } from '../src/licensing/license-provider';
import {
  licenseBuildSettingsSchema,
  startMobileLicensing,
} from '../src/licensing/mobile-licensing';
import { randomId } from '../src/platform/device';
import { phoneSecureStore } from '../src/platform/secure-store';
import { WorkspacesProvider, useWorkspaces } from '../src/state/workspaces-provider';
import { expoDocumentStorage, expoSyncFile } from '../src/storage/expo-document-storage';
import { WorkspaceRepository } from '../src/storage/workspace-repository';

// The splash stays until the workspaces are read, so the first screen is never empty by mistake.
void SplashScreen.preventAutoHideAsync().catch(() => undefined);

const repository = new WorkspaceRepository(expoDocumentStorage);
const editorDeps = { makeId: randomId };
const startLicensing = (onChange: (snapshot: LicenseSnapshot) => void) =>
  startMobileLicensing({
    settings: licenseBuildSettingsSchema.parse(
      (Constants.expoConfig?.extra as { license?: unknown } | undefined)?.license,
    ),
    development: __DEV__,
    store: phoneSecureStore,
    recordFile: expoSyncFile('license.json'),
    openUrl: (url) => Linking.openURL(url),
    onChange,
  });

function HideSplashWhenReady() {
  const { loading } = useWorkspaces();
  useEffect(() => {
    if (!loading) void SplashScreen.hideAsync().catch(() => undefined);
  }, [loading]);
  return null;
}

/**
 * The app: workspaces and license for every screen, and a stack of screens whose headers follow
 * the system's light or dark appearance.
 */
export default function RootLayout() {
  const dark = useColorScheme() === 'dark';
  return (
    <ThemeProvider value={dark ? DarkTheme : DefaultTheme}>
      <WorkspacesProvider repository={repository} deps={editorDeps}>
        <LicenseProvider start={startLicensing}>
          <HideSplashWhenReady />
          <Stack screenOptions={{ headerTitle: 'Flow Desk' }} />
        </LicenseProvider>
      </WorkspacesProvider>
    </ThemeProvider>
  );
}
