import { Stack } from 'expo-router';
import { pickExportFile } from '../src/import/import-file';
import { ImportScreen } from '../src/screens/ImportScreen';
import { useWorkspaces } from '../src/state/workspaces-provider';

/** Importing the desktop app's workspace export. */
export default function ImportRoute() {
  const { store, importWorkspaces } = useWorkspaces();
  return (
    <>
      <Stack.Screen options={{ headerTitle: 'Import' }} />
      <ImportScreen store={store} pick={pickExportFile} apply={importWorkspaces} />
    </>
  );
}
