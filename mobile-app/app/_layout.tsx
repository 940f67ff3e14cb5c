import { Stack } from 'expo-router';

/** The app's navigation: a stack of screens with the system's header. */
export default function RootLayout() {
  return <Stack screenOptions={{ headerTitle: 'Flow Desk' }} />;
}
