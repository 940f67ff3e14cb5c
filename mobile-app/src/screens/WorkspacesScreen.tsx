import { useState } from 'react';
import {
  FlatList,
  Pressable,
  StyleSheet,
  Text,
  TextInput,
  View,
  useColorScheme,
} from 'react-native';
import type { Result } from '@flowdesk/shared/core';
import { controls, mutedColor, screenBackground, textColor } from './controls';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

/**
 * The first screen (issue 11): the workspaces, each with its services counted; opening one;
 * creating one by name (checked by the shared rules, the refusal shown by the field); and the
 * problem from loading or saving, when there was one.
 */
export function WorkspacesScreen({
  store,
  problem,
  notice,
  lockedWorkspaceIds = [],
  onOpen,
  onCreate,
  onImport,
}: {
  store: WorkspaceStore;
  problem?: string;
  /** The license's notice (grace, lapsed, signed out), when there is one. */
  notice?: string;
  /** Workspaces over Free's limit: kept, shown, their services locked. */
  lockedWorkspaceIds?: readonly string[];
  onOpen: (workspaceId: string) => void;
  onCreate: (input: { name: string }) => Result<unknown>;
  onImport: () => void;
}) {
  const dark = useColorScheme() === 'dark';
  const text = textColor(dark);
  const muted = mutedColor(dark);
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const create = () => {
    const created = onCreate({ name });
    if (created.ok) {
      setName('');
      setRefusal(undefined);
    } else {
      setRefusal(created.error.message);
    }
  };
  const count = (services: number) => `${services} ${services === 1 ? 'service' : 'services'}`;
  return (
    <View style={[styles.screen, screenBackground(dark)]}>
      {problem ? (
        <Text accessibilityRole="alert" style={styles.problem}>
          {problem}
        </Text>
      ) : null}
      {notice ? (
        <Text accessibilityRole="alert" style={styles.notice}>
          {notice}
        </Text>
      ) : null}
      <FlatList
        data={store.workspaces}
        keyExtractor={(workspace) => workspace.id}
        ListEmptyComponent={
          <View style={styles.empty}>
            <Text style={[styles.title, text]}>No workspaces yet</Text>
            <Text style={muted}>Name one below, then add the web apps you use in it.</Text>
          </View>
        }
        renderItem={({ item }) => {
          const summary =
            count(item.services.length) +
            (lockedWorkspaceIds.includes(item.id) ? ', locked by your plan' : '');
          return (
            <Pressable
              accessibilityRole="button"
              accessibilityLabel={`${item.name}, ${summary}`}
              onPress={() => onOpen(item.id)}
              style={styles.row}
            >
              <Text style={[styles.title, text]}>{item.name}</Text>
              <Text style={muted}>{summary}</Text>
            </Pressable>
          );
        }}
        ListFooterComponent={
          <View style={styles.create}>
            <TextInput
              accessibilityLabel="New workspace name"
              placeholder="New workspace"
              value={name}
              onChangeText={setName}
              onSubmitEditing={create}
              style={[controls.input, text]}
            />
            {refusal ? (
              <Text accessibilityRole="alert" style={controls.problem}>
                {refusal}
              </Text>
            ) : null}
            <Pressable
              accessibilityRole="button"
              accessibilityLabel="Create workspace"
              onPress={create}
              style={[controls.button, styles.spaced]}
            >
              <Text style={controls.buttonText}>Create workspace</Text>
            </Pressable>
            <Pressable
              accessibilityRole="button"
              accessibilityLabel="Import from the desktop app"
              onPress={onImport}
              style={styles.secondary}
            >
              <Text style={text}>Import from the desktop app</Text>
            </Pressable>
          </View>
        }
      />
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  problem: { backgroundColor: '#fef2f2', color: '#991b1b', padding: 12 },
  notice: { backgroundColor: '#fffbeb', color: '#92400e', padding: 12 },
  empty: { padding: 24 },
  title: { fontSize: 18, fontWeight: '600' },
  row: { paddingHorizontal: 20, paddingVertical: 14, minHeight: 56 },
  create: { padding: 20 },
  spaced: { marginTop: 8 },
  secondary: { padding: 12, marginTop: 8, minHeight: 44, alignItems: 'center' },
});
