import { Pressable, ScrollView, StyleSheet, Text, View, useColorScheme } from 'react-native';
import { mutedColor, screenBackground, textColor } from './controls';

/**
 * Settings (issue 11): the license, importing the desktop's workspaces, what isolation means on
 * a phone, what leaves the phone, and the version.
 */
export function SettingsScreen({
  licenseSummary,
  version,
  onOpenLicense,
  onImport,
}: {
  licenseSummary: string;
  version: string;
  onOpenLicense: () => void;
  onImport: () => void;
}) {
  const dark = useColorScheme() === 'dark';
  const text = textColor(dark);
  const muted = mutedColor(dark);
  const border = { borderColor: dark ? '#262626' : '#e5e5e5' };
  return (
    <ScrollView style={screenBackground(dark)} contentContainerStyle={styles.screen}>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={`License: ${licenseSummary}`}
        onPress={onOpenLicense}
        style={[styles.row, border]}
      >
        <Text style={[styles.label, text]}>License</Text>
        <Text style={muted}>{licenseSummary}</Text>
      </Pressable>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel="Import workspaces from the desktop app"
        onPress={onImport}
        style={[styles.row, border]}
      >
        <Text style={[styles.label, text]}>Import from the desktop app</Text>
        <Text style={muted}>
          Open a file exported by the desktop app (Settings → Your data → Export).
        </Text>
      </Pressable>
      <View style={[styles.row, border]}>
        <Text style={[styles.label, text]}>Isolated services</Text>
        <Text style={muted}>
          Services of a workspace share the phone’s web storage, so one sign-in serves them all. An
          “isolated” service opens in private storage instead: this phone forgets its sign-in when
          the app closes. Phones do not yet let apps keep a separate storage per service.
        </Text>
      </View>
      <View style={[styles.row, border]}>
        <Text style={[styles.label, text]}>Privacy</Text>
        <Text style={muted}>
          Your services talk only to their own websites. The one thing Flow Desk sends is the
          license check to its website, with a hashed device id.
        </Text>
      </View>
      <View style={[styles.row, border]} accessible accessibilityLabel={`Version ${version}`}>
        <Text style={[styles.label, text]}>Version</Text>
        <Text style={muted}>{version}</Text>
      </View>
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  screen: { padding: 16 },
  row: { paddingVertical: 14, borderBottomWidth: StyleSheet.hairlineWidth, gap: 4 },
  label: { fontSize: 16, fontWeight: '600' },
});
