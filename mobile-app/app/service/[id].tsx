import { Stack, useLocalSearchParams } from 'expo-router';
import { Linking, Share, Text } from 'react-native';
import { decideExternalOpen } from '@flowdesk/shared/security';
import { ServiceScreen } from '../../src/screens/ServiceScreen';
import { useWorkspaces } from '../../src/state/workspaces-provider';

/** One service in its WebView. */
export default function ServiceRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { store, setUnread } = useWorkspaces();
  const service = store.workspaces
    .flatMap((workspace) => workspace.services)
    .find((candidate) => candidate.id === id);
  if (!service) return <Text accessibilityRole="alert">This service no longer exists.</Text>;
  return (
    <>
      <Stack.Screen options={{ headerTitle: service.name }} />
      <ServiceScreen
        service={service}
        openExternally={(url) => {
          // Checked once more right before the system gets it.
          const decision = decideExternalOpen(url);
          if (decision.allowed) void Linking.openURL(decision.url);
        }}
        share={(url) => void Share.share({ message: url, url })}
        onUnread={(badge) => setUnread(service.id, badge)}
      />
    </>
  );
}
