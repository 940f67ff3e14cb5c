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
import { controls, screenBackground, textColor } from './controls';

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
  const colors = textColor(dark);
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
    <View style={[styles.screen, screenBackground(dark)]}>
      <TextInput
        accessibilityLabel="Search the catalog"
        placeholder="Search 75+ services"
        value={query}
        onChangeText={setQuery}
        autoCorrect={false}
        autoCapitalize="none"
        style={[controls.input, colors]}
      />
      {problems.form ? (
        <Text accessibilityRole="alert" style={controls.problem}>
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
              style={[controls.input, colors]}
            />
            {problems.name ? <Text style={controls.problem}>{problems.name}</Text> : null}
            <TextInput
              accessibilityLabel="Address"
              placeholder="https://"
              value={url}
              onChangeText={setUrl}
              autoCapitalize="none"
              autoCorrect={false}
              keyboardType="url"
              style={[controls.input, colors]}
            />
            {problems.url ? (
              <Text accessibilityRole="alert" style={controls.problem}>
                {problems.url}
              </Text>
            ) : null}
            <Pressable
              accessibilityRole="button"
              accessibilityLabel="Add this web app"
              onPress={() => submit({ type: CUSTOM_SERVICE_ID, name, url })}
              style={[controls.button, styles.spaced]}
            >
              <Text style={controls.buttonText}>Add this web app</Text>
            </Pressable>
          </View>
        }
      />
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, padding: 16 },
  row: { paddingVertical: 12, minHeight: 44 },
  empty: { paddingVertical: 12 },
  custom: { marginTop: 16 },
  heading: { fontSize: 16, fontWeight: '600' },
  spaced: { marginTop: 8 },
});
