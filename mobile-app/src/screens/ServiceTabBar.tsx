import { Pressable, ScrollView, StyleSheet, Text, View, useColorScheme } from 'react-native';
import { badgeText } from '@flowdesk/shared/workspace';
import type { UnreadBadge, WorkspaceService } from '@flowdesk/shared/workspace';
import { textColor, unreadMarks } from './controls';

/**
 * The tab bar under a service (issue 11): the workspace's other services one tap away, with
 * their unread counts, the open one marked. Locked services are left out: they cannot open.
 */
export function ServiceTabBar({
  services,
  currentId,
  unread,
  lockedServiceIds = [],
  onSwitch,
}: {
  services: readonly WorkspaceService[];
  currentId: string;
  unread: Record<string, UnreadBadge>;
  lockedServiceIds?: readonly string[];
  onSwitch: (serviceId: string) => void;
}) {
  const dark = useColorScheme() === 'dark';
  const open = services.filter((service) => !lockedServiceIds.includes(service.id));
  if (open.length < 2) return null;
  return (
    <View
      accessibilityRole="tablist"
      style={[styles.bar, { backgroundColor: dark ? '#171717' : '#f5f5f5' }]}
    >
      <ScrollView horizontal showsHorizontalScrollIndicator={false}>
        {open.map((service) => {
          const selected = service.id === currentId;
          const badge = service.notifications.showBadge ? unread[service.id] : undefined;
          const count = badge?.count ? badgeText(badge.count) : undefined;
          return (
            <Pressable
              key={service.id}
              accessibilityRole="tab"
              accessibilityState={{ selected }}
              accessibilityLabel={count ? `${service.name}, ${badge!.count} unread` : service.name}
              onPress={() => {
                if (!selected) onSwitch(service.id);
              }}
              style={[styles.tab, selected && styles.selected]}
            >
              <Text numberOfLines={1} style={[textColor(dark), selected && styles.selectedText]}>
                {service.name}
              </Text>
              {count ? <Text style={unreadMarks.badge}>{count}</Text> : null}
              {!count && badge?.attention ? <View style={[unreadMarks.dot, styles.dot]} /> : null}
            </Pressable>
          );
        })}
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  bar: { paddingVertical: 4 },
  tab: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: 6,
    paddingHorizontal: 14,
    minHeight: 44,
    maxWidth: 180,
    borderBottomWidth: 2,
    borderBottomColor: 'transparent',
  },
  selected: { borderBottomColor: '#1d4ed8' },
  selectedText: { fontWeight: '700' },
  dot: { width: 8, height: 8, borderRadius: 4 },
});
