import { Stack } from 'expo-router';
import { Linking } from 'react-native';
import { useLicense } from '../src/licensing/license-provider';
import { LicenseScreen } from '../src/screens/LicenseScreen';

/** The license. */
export default function LicenseRoute() {
  const license = useLicense();
  return (
    <>
      <Stack.Screen options={{ headerTitle: 'License' }} />
      <LicenseScreen license={license} openWebsite={(url) => void Linking.openURL(url)} />
    </>
  );
}
