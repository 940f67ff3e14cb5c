import { useState } from 'react';
import { Pressable, ScrollView, StyleSheet, Text, View, useColorScheme } from 'react-native';
import type { Result } from '@flowdesk/shared/core';
import { previewImport } from '@flowdesk/shared/workspace';
import type {
  ConflictChoice,
  ImportPreview,
  ImportResult,
  WorkspaceStore,
} from '@flowdesk/shared/workspace';
import type { PickedFile } from '../import/import-file';
import { controls, textColor } from './controls';

/**
 * Importing the desktop's workspace export (issue 11): the file is checked and previewed before
 * anything changes; a workspace that meets one already on the phone gets the desktop's three
 * choices (keep both, replace, skip); nothing is stored until "Import" and then all at once.
 */

const CHOICES: { value: ConflictChoice; label: string }[] = [
  { value: 'duplicate', label: 'Keep both' },
  { value: 'replace', label: 'Replace' },
  { value: 'skip', label: 'Skip' },
];

export function ImportScreen({
  store,
  pick,
  apply,
}: {
  store: WorkspaceStore;
  pick: () => Promise<Result<PickedFile>>;
  apply: (preview: ImportPreview, choices: Record<string, ConflictChoice>) => Result<ImportResult>;
}) {
  const dark = useColorScheme() === 'dark';
  const text = textColor(dark);
  const [preview, setPreview] = useState<{ name: string; value: ImportPreview }>();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    setBusy(true);
    setMessage(undefined);
    const picked = await pick();
    setBusy(false);
    if (!picked.ok) return setMessage({ ok: false, text: picked.error.message });
    if ('cancelled' in picked.value) return;
    const checked = previewImport(picked.value.text, store);
    if (!checked.ok) {
      setPreview(undefined);
      return setMessage({ ok: false, text: checked.error.message });
    }
    setChoices({});
    setPreview({ name: picked.value.name, value: checked.value });
  };
  const runImport = () => {
    if (!preview) return;
    const done = apply(preview.value, choices);
    if (!done.ok) return setMessage({ ok: false, text: done.error.message });
    const { added, replaced, skipped } = done.value;
    setPreview(undefined);
    setMessage({
      ok: true,
      text: `Imported: ${added.length} added, ${replaced.length} replaced, ${skipped.length} skipped.`,
    });
  };

  return (
    <ScrollView contentContainerStyle={styles.screen}>
      <Text style={[styles.body, text]}>
        On your computer, export your workspaces from Flow Desk (Settings → Data → Export), then
        choose the file here. Sign-ins and passwords are not in the export: you sign in again.
      </Text>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel="Choose the export file"
        accessibilityState={{ busy }}
        disabled={busy}
        onPress={() => void choose()}
        style={controls.button}
      >
        <Text style={controls.buttonText}>{busy ? 'Reading…' : 'Choose the export file'}</Text>
      </Pressable>
      {message ? (
        <Text
          accessibilityRole={message.ok ? 'text' : 'alert'}
          style={message.ok ? styles.success : controls.problem}
        >
          {message.text}
        </Text>
      ) : null}
      {preview ? (
        <View style={styles.preview}>
          <Text style={[styles.heading, text]}>{preview.name}</Text>
          {preview.value.document.workspaces.map((workspace) => {
            const conflict = preview.value.conflicts.find(
              (candidate) => candidate.workspaceId === workspace.id,
            );
            const choice = choices[workspace.id] ?? 'duplicate';
            return (
              <View key={workspace.id} style={styles.workspace}>
                <Text style={text}>
                  {workspace.name}: {workspace.services.length}{' '}
                  {workspace.services.length === 1 ? 'service' : 'services'}
                </Text>
                {conflict ? (
                  <View accessibilityRole="radiogroup" style={styles.choices}>
                    <Text style={[styles.note, text]}>
                      {conflict.kind === 'same-id'
                        ? `Already on this phone as “${conflict.existingName}”.`
                        : 'A workspace with this name is already on this phone.'}
                    </Text>
                    {CHOICES.map((option) => (
                      <Pressable
                        key={option.value}
                        accessibilityRole="radio"
                        accessibilityLabel={`${option.label} ${workspace.name}`}
                        accessibilityState={{ checked: choice === option.value }}
                        onPress={() => setChoices({ ...choices, [workspace.id]: option.value })}
                        style={[styles.choice, choice === option.value && styles.chosen]}
                      >
                        <Text style={text}>{option.label}</Text>
                      </Pressable>
                    ))}
                  </View>
                ) : null}
              </View>
            );
          })}
          <Pressable
            accessibilityRole="button"
            accessibilityLabel="Import"
            onPress={runImport}
            style={controls.button}
          >
            <Text style={controls.buttonText}>Import</Text>
          </Pressable>
        </View>
      ) : null}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  screen: { padding: 16, gap: 12 },
  body: { fontSize: 15, lineHeight: 21 },
  heading: { fontSize: 16, fontWeight: '600' },
  preview: { gap: 8 },
  workspace: { paddingVertical: 6 },
  note: { fontSize: 13, width: '100%' },
  choices: { flexDirection: 'row', flexWrap: 'wrap', gap: 6, marginTop: 4 },
  choice: { borderWidth: 1, borderColor: '#a3a3a3', borderRadius: 16, padding: 8, minHeight: 40 },
  chosen: { borderColor: '#1d4ed8', borderWidth: 2 },
  success: { color: '#166534' },
});
