import { useEffect, useState } from 'react';
import { ActivityIndicator, View } from 'react-native';
import { defaultWorkspaceStore } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { WorkspacesScreen } from '../src/screens/WorkspacesScreen';
import { expoDocumentStorage } from '../src/storage/expo-document-storage';
import { WorkspaceRepository } from '../src/storage/workspace-repository';

const repository = new WorkspaceRepository(expoDocumentStorage);

/** The workspaces, read from the phone's storage. */
export default function Index() {
  const [loaded, setLoaded] = useState<{ store: WorkspaceStore; problem?: string }>();
  useEffect(() => {
    repository.load().then(
      ({ store, problem }) => setLoaded(problem ? { store, problem: problem.message } : { store }),
      (error: unknown) =>
        setLoaded({
          store: defaultWorkspaceStore(),
          problem: error instanceof Error ? error.message : 'Your workspaces could not be read.',
        }),
    );
  }, []);
  if (!loaded) {
    return (
      <View style={{ flex: 1, justifyContent: 'center' }}>
        <ActivityIndicator accessibilityLabel="Loading your workspaces" />
      </View>
    );
  }
  return (
    <WorkspacesScreen
      store={loaded.store}
      {...(loaded.problem ? { problem: loaded.problem } : {})}
    />
  );
}
