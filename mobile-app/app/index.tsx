import { router } from 'expo-router';
import { ActivityIndicator, View } from 'react-native';
import { WorkspacesScreen } from '../src/screens/WorkspacesScreen';
import { useWorkspaces } from '../src/state/workspaces-provider';

/** The workspaces. */
export default function Index() {
  const workspaces = useWorkspaces();
  if (workspaces.loading) {
    return (
      <View style={{ flex: 1, justifyContent: 'center' }}>
        <ActivityIndicator accessibilityLabel="Loading your workspaces" />
      </View>
    );
  }
  return (
    <WorkspacesScreen
      store={workspaces.store}
      {...(workspaces.problem ? { problem: workspaces.problem } : {})}
      onOpen={(id) => router.push({ pathname: '/workspace/[id]', params: { id } })}
      onCreate={(input) => workspaces.addWorkspace(input)}
      onImport={() => router.push('/import')}
    />
  );
}
