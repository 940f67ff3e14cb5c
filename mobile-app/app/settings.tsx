import { Stack, router } from 'expo-router';
import { useLicense } from '../src/licensing/license-provider';
import { STATUS_WORDS, planName } from '../src/licensing/license-words';
import { appVersion } from '../src/platform/device';
import { SettingsScreen } from '../src/screens/SettingsScreen';

/** Settings. */
export default function SettingsRoute() {
  const license = useLicense();
  const state = license.snapshot?.state;
  const summary = license.loading
    ? 'Reading…'
    : !license.available || !state
      ? 'Off in this build: nothing is limited'
      : `${planName(state.effectivePlan)} · ${STATUS_WORDS[state.status]}`;
  return (
    <>
      <Stack.Screen options={{ headerTitle: 'Settings' }} />
      <SettingsScreen
        licenseSummary={summary}
        version={appVersion()}
        onOpenLicense={() => router.push('/license')}
        onImport={() => router.push('/import')}
      />
    </>
  );
}
