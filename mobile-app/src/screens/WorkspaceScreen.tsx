import { FlatList, Pressable, StyleSheet, Text, View, useColorScheme } from 'react-native';
import { badgeText } from '@flowdesk/shared/workspace';
import type { UnreadBadge, Workspace } from '@flowdesk/shared/workspace';
import { screenBackground, textColor, unreadMarks } from './controls';

/**
 * A workspace's services as a grid (issue 11), each with the unread count its page shows in its
 * title; tapping one opens it, and a last tile adds a service.
 */
export function WorkspaceScreen({
  workspace,
  unread,
  lockedServiceIds = [],
  onOpenService,
  onAddService,
}: {
  workspace: Workspace;
  unread: Record<string, UnreadBadge>;
  /** Services over Free's limit: shown, kept, and not opened until the license is back. */
  lockedServiceIds?: readonly string[];
  onOpenService: (serviceId: string) => void;
  onAddService: () => void;
}) {
  const dark = useColorScheme() === 'dark';
  const text = textColor(dark);
  const tile = { backgroundColor: dark ? '#171717' : '#f5f5f5' };
  const services = workspace.services;
  return (
    <View style={[styles.screen, screenBackground(dark)]}>
      <FlatList
        data={[...services.map((service) => service.id), 'add']}
        numColumns={3}
        keyExtractor={(id) => id}
        ListHeaderComponent={
          services.length === 0 ? (
            <Text style={[styles.empty, text]}>
              No services in {workspace.name} yet. Add the web apps you use here.
            </Text>
          ) : null
        }
        renderItem={({ item: id }) => {
          if (id === 'add') {
            return (
              <Pressable
                accessibilityRole="button"
                accessibilityLabel="Add a service"
                onPress={onAddService}
                style={[styles.tile, tile]}
              >
                <Text style={[styles.plus, text]}>+</Text>
              </Pressable>
            );
          }
          const service = services.find((candidate) => candidate.id === id)!;
          const locked = lockedServiceIds.includes(id);
          const badge = service.notifications.showBadge && !locked ? unread[id] : undefined;
          const label = locked
            ? `${service.name}, locked by your plan`
            : badge?.count
              ? `${service.name}, ${badge.count} unread`
              : badge?.attention
                ? `${service.name}, new activity`
                : service.name;
          return (
            <Pressable
              accessibilityRole="button"
              accessibilityLabel={label}
              onPress={() => onOpenService(id)}
              style={[styles.tile, tile, locked && styles.locked]}
            >
              <Text numberOfLines={2} style={[styles.name, text]}>
                {service.name}
              </Text>
              {locked ? <Text style={[styles.lockedText, text]}>Locked</Text> : null}
              {badge?.count ? (
                <Text style={[unreadMarks.badge, styles.badgePlace]}>{badgeText(badge.count)}</Text>
              ) : badge?.attention ? (
                <View style={[unreadMarks.dot, styles.dotPlace]} />
              ) : null}
            </Pressable>
          );
        }}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, padding: 8 },
  empty: { padding: 12 },
  tile: {
    flex: 1 / 3,
    aspectRatio: 1,
    margin: 6,
    borderRadius: 12,
    alignItems: 'center',
    justifyContent: 'center',
    padding: 8,
  },
  name: { textAlign: 'center', fontWeight: '600' },
  plus: { fontSize: 28 },
  locked: { opacity: 0.55 },
  lockedText: { fontSize: 12, marginTop: 4 },
  badgePlace: { position: 'absolute', top: 6, right: 6 },
  dotPlace: { position: 'absolute', top: 8, right: 8 },
});
