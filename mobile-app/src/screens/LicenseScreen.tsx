import { useState } from 'react';
import {
  ActivityIndicator,
  Pressable,
  ScrollView,
  StyleSheet,
  Text,
  View,
  useColorScheme,
} from 'react-native';
import type { LicenseView } from '../licensing/license-provider';
import {
  STATUS_WORDS,
  formatWhen,
  licenseNotice,
  lockedWords,
  planName,
  plural,
} from '../licensing/license-words';
import { controls, mutedColor, screenBackground, textColor } from './controls';

/**
 * The license (issue 11): plan and state, this phone's sign-in by device link, checks, sign-out.
 * A lapsed license only locks what Free does not allow; nothing is deleted, and it says so.
 */
export function LicenseScreen({
  license,
  openWebsite,
  now = Date.now(),
}: {
  license: LicenseView;
  openWebsite: (url: string) => void;
  now?: number;
}) {
  const dark = useColorScheme() === 'dark';
  const text = textColor(dark);
  const muted = mutedColor(dark);
  const [busy, setBusy] = useState<'checking' | 'signing-in' | 'signing-out'>();
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [outcome, setOutcome] = useState<{ message: string; problem: boolean }>();

  if (license.loading) {
    return (
      <View style={[styles.centered, screenBackground(dark)]}>
        <ActivityIndicator accessibilityLabel="Reading your license" />
      </View>
    );
  }
  if (!license.available || !license.snapshot) {
    return (
      <ScrollView style={screenBackground(dark)} contentContainerStyle={styles.screen}>
        <Text accessibilityRole="header" style={[styles.title, text]}>
          License
        </Text>
        <Text style={text}>
          Licensing is off in this build of Flow Desk: every feature is on and nothing is limited.
        </Text>
        {license.offReason ? <Text style={[styles.note, muted]}>{license.offReason}</Text> : null}
      </ScrollView>
    );
  }

  const { state, claims, signIn, problem } = license.snapshot;
  const signedIn = state.status !== 'unlicensed' && state.status !== 'revoked';
  const notice = licenseNotice(license);
  const locked = lockedWords(license.locks);
  const rows: [string, string][] = [
    [
      'Plan',
      planName(state.effectivePlan) +
        (state.licensedPlan && state.licensedPlan !== state.effectivePlan
          ? ` (your ${planName(state.licensedPlan)} license no longer applies)`
          : ''),
    ],
    ['Status', STATUS_WORDS[state.status]],
  ];
  const organization = claims?.org?.name ?? claims?.org?.id;
  if (organization) rows.push(['Through', organization]);
  if (license.deviceName) rows.push(['This phone', license.deviceName]);
  const lastChecked = formatWhen(license.snapshot.lastCheckedAt, now);
  if (lastChecked) rows.push(['Last checked', lastChecked]);
  const nextCheck = formatWhen(license.snapshot.nextAttemptAt ?? state.nextCheckAt, now);
  if (nextCheck && state.status !== 'revoked') rows.push(['Next check', nextCheck]);
  if ((state.status === 'due' || state.status === 'grace') && state.daysLeft !== undefined) {
    rows.push(['Plan kept offline for', plural(state.daysLeft, 'more day', 'more days')]);
  }

  const run = (kind: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(kind);
    setOutcome(undefined);
    void work().finally(() => setBusy(undefined));
  };

  return (
    <ScrollView style={screenBackground(dark)} contentContainerStyle={styles.screen}>
      <Text accessibilityRole="header" style={[styles.title, text]}>
        License
      </Text>
      <Text style={[styles.note, muted]}>
        Your plan, this phone’s sign-in and when the license was last checked. Nothing else about
        you or your workspaces is ever sent.
      </Text>
      {rows.map(([label, value]) => (
        <View key={label} style={styles.row} accessible accessibilityLabel={`${label}: ${value}`}>
          <Text style={[styles.label, muted]}>{label}</Text>
          <Text style={[styles.value, text]}>{value}</Text>
        </View>
      ))}

      {notice ? (
        <Text
          accessibilityRole="alert"
          style={[styles.notice, { color: dark ? '#fbbf24' : '#b45309' }]}
        >
          {notice}
        </Text>
      ) : null}
      {locked ? <Text style={[styles.note, text]}>{locked}</Text> : null}
      {state.clockRollback ? (
        <Text style={[styles.note, text]}>
          This phone’s clock was set back. Flow Desk checks the license online before trusting it
          again.
        </Text>
      ) : null}
      {!license.snapshot.secureStorage ? (
        <Text style={[styles.note, text]}>
          This phone’s secure storage could not keep the sign-in, so it lasts until the app is
          closed.
        </Text>
      ) : null}
      {problem ? (
        <Text accessibilityRole="alert" style={[styles.notice, controls.problem]}>
          {problem.message}
        </Text>
      ) : null}
      {outcome ? (
        <Text
          accessibilityRole={outcome.problem ? 'alert' : 'text'}
          style={[styles.notice, outcome.problem ? controls.problem : text]}
        >
          {outcome.message}
        </Text>
      ) : null}

      {signIn ? (
        <View style={styles.signIn} accessibilityLabel="Signing in">
          <Text style={text}>
            Approve this phone on the Flow Desk website. The page opened in your browser; if it did
            not, open the address below and enter the code.
          </Text>
          <Text
            selectable
            style={[styles.code, text]}
            accessibilityLabel={`Code ${signIn.userCode}`}
          >
            {signIn.userCode}
          </Text>
          <Text selectable style={[styles.note, muted]}>
            {signIn.verificationUri} · the code works until {formatWhen(signIn.expiresAt, now)}
          </Text>
          <View style={styles.actions}>
            <Button
              label="Open the sign-in page again"
              onPress={() => openWebsite(signIn.verificationUri)}
            />
            <Button label="Cancel" secondary onPress={() => license.cancelSignIn()} />
          </View>
          <ActivityIndicator accessibilityLabel="Waiting for your approval" />
        </View>
      ) : null}

      <View style={styles.actions}>
        {!signedIn && !signIn ? (
          <Button
            label={busy === 'signing-in' ? 'Starting…' : 'Sign in…'}
            disabled={busy !== undefined}
            onPress={() =>
              run('signing-in', async () => {
                const started = await license.startSignIn();
                if (!started.ok) setOutcome({ message: started.error.message, problem: true });
              })
            }
          />
        ) : null}
        {signedIn ? (
          <Button
            label={busy === 'checking' ? 'Checking…' : 'Check now'}
            disabled={busy !== undefined}
            onPress={() => run('checking', () => license.checkNow())}
          />
        ) : null}
        {signedIn && !confirmSignOut ? (
          <Button label="Sign out…" secondary onPress={() => setConfirmSignOut(true)} />
        ) : null}
        {license.manageUrl ? (
          <Button
            label="Devices and billing on the website"
            secondary
            onPress={() => openWebsite(license.manageUrl!)}
          />
        ) : null}
      </View>

      {signedIn && confirmSignOut ? (
        <View style={styles.signIn}>
          <Text style={text}>
            Sign this phone out of your Flow Desk account? Your workspaces stay; Free’s limits
            apply.
          </Text>
          <View style={styles.actions}>
            <Button
              label={busy === 'signing-out' ? 'Signing out…' : 'Sign out'}
              disabled={busy !== undefined}
              onPress={() =>
                run('signing-out', async () => {
                  const result = await license.signOut();
                  setConfirmSignOut(false);
                  if (result.ok) {
                    setOutcome({
                      message: result.value.deactivatedOnWebsite
                        ? 'Signed out. This phone no longer uses a seat of your license.'
                        : 'Signed out on this phone.',
                      problem: false,
                    });
                  }
                })
              }
            />
            <Button label="Keep signed in" secondary onPress={() => setConfirmSignOut(false)} />
          </View>
        </View>
      ) : null}
    </ScrollView>
  );
}

function Button({
  label,
  onPress,
  secondary = false,
  disabled = false,
}: {
  label: string;
  onPress: () => void;
  secondary?: boolean;
  disabled?: boolean;
}) {
  const dark = useColorScheme() === 'dark';
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityState={{ disabled }}
      disabled={disabled}
      onPress={onPress}
      style={[controls.button, secondary && styles.secondary, disabled && styles.disabled]}
    >
      <Text style={[controls.buttonText, secondary && { color: dark ? '#93c5fd' : '#1d4ed8' }]}>
        {label}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  screen: { padding: 16, gap: 8 },
  centered: { flex: 1, justifyContent: 'center' },
  title: { fontSize: 22, fontWeight: '700' },
  note: { fontSize: 13 },
  row: { paddingVertical: 6 },
  label: { fontSize: 13 },
  value: { fontSize: 16 },
  notice: { paddingVertical: 8 },
  signIn: { gap: 8, paddingVertical: 8 },
  code: { fontSize: 32, fontWeight: '700', letterSpacing: 4, textAlign: 'center' },
  actions: { gap: 8, paddingVertical: 4 },
  secondary: { backgroundColor: 'transparent', borderWidth: 1, borderColor: '#1d4ed8' },
  disabled: { opacity: 0.5 },
});
