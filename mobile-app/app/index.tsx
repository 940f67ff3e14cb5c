import { Stack, router } from 'expo-router';
import { ActivityIndicator, Pressable, Text, View, useColorScheme } from 'react-native';
import { useLicense } from '../src/licensing/license-provider';
import { licenseNotice } from '../src/licensing/license-words';
import { WorkspacesScreen } from '../src/screens/WorkspacesScreen';
import { useWorkspaces } from '../src/state/workspaces-provider';

/** The workspaces. */
export default function Index() {
  const workspaces = useWorkspaces();
  const license = useLicense();
  const dark = useColorScheme() === 'dark';
  if (workspaces.loading) {
    return (
      <View style={{ flex: 1, justifyContent: 'center' }}>
        <ActivityIndicator accessibilityLabel="Loading your workspaces" />
      </View>
    );
  }
  const notice = licenseNotice(license);
  return (
    <>
      <Stack.Screen
        options={{
          headerRight: () => (
            <Pressable
              accessibilityRole="button"
              accessibilityLabel="Settings"
              onPress={() => router.push('/settings')}
              hitSlop={12}
            >
              <Text style={{ color: dark ? '#93c5fd' : '#1d4ed8', fontSize: 16 }}>Settings</Text>
            </Pressable>
          ),
        }}
      />
      <WorkspacesScreen
        store={workspaces.store}
        {...(workspaces.problem ? { problem: workspaces.problem } : {})}
        {...(notice ? { notice } : {})}
        lockedWorkspaceIds={license.locks.workspaceIds}
        onOpen={(id) => router.push({ pathname: '/workspace/[id]', params: { id } })}
        onCreate={(input) => workspaces.addWorkspace(input)}
        onImport={() => router.push('/import')}
      />
    </>
  );
}
