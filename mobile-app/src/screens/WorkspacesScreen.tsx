import { FlatList, StyleSheet, Text, View, useColorScheme } from 'react-native';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

/**
 * The first screen (issue 11, in progress): the workspaces, each with its services counted, an
 * empty state, and the problem from loading when there was one. Opening a workspace and
 * importing from the desktop come with the next screens.
 */
export function WorkspacesScreen({ store, problem }: { store: WorkspaceStore; problem?: string }) {
  const dark = useColorScheme() === 'dark';
  const text = { color: dark ? '#f5f5f5' : '#171717' };
  const muted = { color: dark ? '#a3a3a3' : '#525252' };
  return (
    <View style={[styles.screen, { backgroundColor: dark ? '#0a0a0a' : '#ffffff' }]}>
      {problem ? (
        <Text accessibilityRole="alert" style={styles.problem}>
          {problem}
        </Text>
      ) : null}
      <FlatList
        data={store.workspaces}
        keyExtractor={(workspace) => workspace.id}
        ListEmptyComponent={
          <View style={styles.empty}>
            <Text style={[styles.title, text]}>No workspaces yet</Text>
          </View>
        }
        renderItem={({ item }) => (
          <View
            accessible
            accessibilityLabel={`${item.name}, ${item.services.length} ${item.services.length === 1 ? 'service' : 'services'}`}
            style={styles.row}
          >
            <Text style={[styles.title, text]}>{item.name}</Text>
            <Text style={muted}>
              {item.services.length} {item.services.length === 1 ? 'service' : 'services'}
            </Text>
          </View>
        )}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  problem: { backgroundColor: '#fef2f2', color: '#991b1b', padding: 12 },
  empty: { padding: 24 },
  title: { fontSize: 18, fontWeight: '600' },
  row: { paddingHorizontal: 20, paddingVertical: 14, minHeight: 56 },
});
