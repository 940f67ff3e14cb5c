import { useMemo, useState } from 'react';
import {
  FlatList,
  Pressable,
  StyleSheet,
  Text,
  TextInput,
  View,
  useColorScheme,
} from 'react-native';
import { CUSTOM_SERVICE_ID, searchCatalog } from '@flowdesk/shared/catalog';
import type { Result } from '@flowdesk/shared/core';
import { InputRefused } from '../state/workspace-editor';

/**
 * Adding a service (issue 11): the shared catalog, searched as you type, or any web app by its
 * address. The address is checked by the shared validator when adding; a refusal is shown next
 * to the field it is about, and nothing is stored.
 */
export function AddServiceScreen({
  add,
}: {
  /** Adds the service to the workspace; an error is shown, a success closes the screen. */
  add: (input: { type: string; name?: string; url?: string }) => Result<unknown>;
}) {
  const dark = useColorScheme() === 'dark';
  const colors = { color: dark ? '#f5f5f5' : '#171717' };
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const results = useMemo(
    () => searchCatalog(query, { limit: 30 }).filter((service) => service.id !== CUSTOM_SERVICE_ID),
    [query],
  );

  const submit = (input: { type: string; name?: string; url?: string }) => {
    const added = add(input);
    if (added.ok) return;
    const error = added.error;
    setProblems(
      error instanceof InputRefused && error.fields.length > 0
        ? Object.fromEntries(error.fields.map((field) => [field.field || 'form', field.message]))
        : { form: error.message },
    );
  };

  return (
    <View style={[styles.screen, { backgroundColor: dark ? '#0a0a0a' : '#ffffff' }]}>
      <TextInput
        accessibilityLabel="Search the catalog"
        placeholder="Search 75+ services"
        value={query}
        onChangeText={setQuery}
        autoCorrect={false}
        autoCapitalize="none"
        style={[styles.input, colors]}
      />
      {problems.form ? (
        <Text accessibilityRole="alert" style={styles.problem}>
          {problems.form}
        </Text>
      ) : null}
      <FlatList
        data={results}
        keyExtractor={(service) => service.id}
        keyboardShouldPersistTaps="handled"
        ListEmptyComponent={
          <Text style={[styles.empty, colors]}>
            No service matches “{query}”. Add it by its address below.
          </Text>
        }
        renderItem={({ item }) => (
          <Pressable
            accessibilityRole="button"
            accessibilityLabel={`Add ${item.name}`}
            onPress={() => submit({ type: item.id })}
            style={styles.row}
          >
            <Text style={colors}>{item.name}</Text>
          </Pressable>
        )}
        ListFooterComponent={
          <View style={styles.custom}>
            <Text style={[styles.heading, colors]}>Any web app</Text>
            <TextInput
              accessibilityLabel="Name"
              placeholder="Name"
              value={name}
              onChangeText={setName}
              style={[styles.input, colors]}
            />
            {problems.name ? <Text style={styles.problem}>{problems.name}</Text> : null}
            <TextInput
              accessibilityLabel="Address"
              placeholder="https://"
              value={url}
              onChangeText={setUrl}
              autoCapitalize="none"
              autoCorrect={false}
              keyboardType="url"
              style={[styles.input, colors]}
            />
            {problems.url ? (
              <Text accessibilityRole="alert" style={styles.problem}>
                {problems.url}
              </Text>
            ) : null}
            <Pressable
              accessibilityRole="button"
              accessibilityLabel="Add this web app"
              onPress={() => submit({ type: CUSTOM_SERVICE_ID, name, url })}
              style={styles.button}
            >
              <Text style={styles.buttonText}>Add this web app</Text>
            </Pressable>
          </View>
        }
      />
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, padding: 16 },
  input: {
    borderWidth: 1,
    borderColor: '#a3a3a3',
    borderRadius: 8,
    padding: 10,
    marginVertical: 6,
    minHeight: 44,
  },
  row: { paddingVertical: 12, minHeight: 44 },
  empty: { paddingVertical: 12 },
  custom: { marginTop: 16 },
  heading: { fontSize: 16, fontWeight: '600' },
  problem: { color: '#b91c1c' },
  button: { backgroundColor: '#1d4ed8', borderRadius: 8, padding: 12, marginTop: 8 },
  buttonText: { color: '#ffffff', fontWeight: '600', textAlign: 'center' },
});
