import { Stack } from 'expo-router';
import { WorkspacesProvider } from '../src/state/workspaces-provider';
import { expoDocumentStorage } from '../src/storage/expo-document-storage';
import { WorkspaceRepository } from '../src/storage/workspace-repository';

const repository = new WorkspaceRepository(expoDocumentStorage);

/** The app: the workspaces for every screen, and a stack of screens with the system's header. */
export default function RootLayout() {
  return (
    <WorkspacesProvider repository={repository}>
      <Stack screenOptions={{ headerTitle: 'Flow Desk' }} />
    </WorkspacesProvider>
  );
}
