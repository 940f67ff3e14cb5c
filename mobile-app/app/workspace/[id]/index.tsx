import { Stack, router, useLocalSearchParams } from 'expo-router';
import { Text } from 'react-native';
import { WorkspaceScreen } from '../../../src/screens/WorkspaceScreen';
import { useLicense } from '../../../src/licensing/license-provider';
import { useWorkspaces } from '../../../src/state/workspaces-provider';

/** One workspace's services. */
export default function WorkspaceRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { store, unread } = useWorkspaces();
  const { locks } = useLicense();
  const workspace = store.workspaces.find((candidate) => candidate.id === id);
  if (!workspace) return <Text accessibilityRole="alert">This workspace no longer exists.</Text>;
  return (
    <>
      <Stack.Screen options={{ headerTitle: workspace.name }} />
      <WorkspaceScreen
        workspace={workspace}
        unread={unread}
        lockedServiceIds={locks.serviceIds}
        onOpenService={(serviceId) =>
          router.push({ pathname: '/service/[id]', params: { id: serviceId } })
        }
        onAddService={() => router.push({ pathname: '/workspace/[id]/add', params: { id } })}
      />
    </>
  );
}
