import { Stack, router, useLocalSearchParams } from 'expo-router';
import { AddServiceScreen } from '../../../src/screens/AddServiceScreen';
import { useWorkspaces } from '../../../src/state/workspaces-provider';

/** Adding a service to a workspace; back to the workspace once it is added. */
export default function AddServiceRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { addService } = useWorkspaces();
  return (
    <>
      <Stack.Screen options={{ headerTitle: 'Add a service' }} />
      <AddServiceScreen
        add={(input) => {
          const added = addService(id, input);
          if (added.ok) router.back();
          return added;
        }}
      />
    </>
  );
}
