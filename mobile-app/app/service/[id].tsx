import { Stack, router, useLocalSearchParams } from 'expo-router';
import { Linking, Pressable, Share, Text, View } from 'react-native';
import { decideExternalOpen } from '@flowdesk/shared/security';
import { useLicense } from '../../src/licensing/license-provider';
import { controls } from '../../src/screens/controls';
import { ServiceScreen } from '../../src/screens/ServiceScreen';
import { ServiceTabBar } from '../../src/screens/ServiceTabBar';
import { useWorkspaces } from '../../src/state/workspaces-provider';

/** One service in its WebView, with its workspace's other services in a tab bar. */
export default function ServiceRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { store, unread, setUnread } = useWorkspaces();
  const { locks } = useLicense();
  const workspace = store.workspaces.find((candidate) =>
    candidate.services.some((service) => service.id === id),
  );
  const service = workspace?.services.find((candidate) => candidate.id === id);
  if (!workspace || !service) {
    return <Text accessibilityRole="alert">This service no longer exists.</Text>;
  }
  if (locks.serviceIds.includes(service.id)) {
    return (
      <View style={{ padding: 20, gap: 12 }}>
        <Stack.Screen options={{ headerTitle: service.name }} />
        <Text accessibilityRole="alert">
          {service.name} is locked because it is over your plan’s limits. It is kept as it is and
          opens again once your license is active.
        </Text>
        <Pressable
          accessibilityRole="button"
          onPress={() => router.push('/license')}
          style={controls.button}
        >
          <Text style={controls.buttonText}>License</Text>
        </Pressable>
      </View>
    );
  }
  return (
    <View style={{ flex: 1 }}>
      <Stack.Screen options={{ headerTitle: service.name }} />
      <ServiceScreen
        // A new WebView per service: one page's state never carries into another's.
        key={service.id}
        service={service}
        openExternally={(url) => {
          // Checked once more right before the system gets it.
          const decision = decideExternalOpen(url);
          if (decision.allowed) void Linking.openURL(decision.url);
        }}
        share={(url) => void Share.share({ message: url, url })}
        onUnread={(badge) => setUnread(service.id, badge)}
      />
      <ServiceTabBar
        services={workspace.services}
        currentId={service.id}
        unread={unread}
        lockedServiceIds={locks.serviceIds}
        onSwitch={(serviceId) =>
          router.replace({ pathname: '/service/[id]', params: { id: serviceId } })
        }
      />
    </View>
  );
}
