// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { renderWithDataFolder, removeDataFolders } from '../test-support';
import { ServiceSettings } from './ServiceSettings';

afterEach(() => {
  cleanup();
  removeDataFolders();
});

const createdAt = '2026-11-24T10:00:00.000Z';
const initial = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt,
      services: [
        { id: 's1', type: 'slack', name: 'Slack', url: 'https://app.slack.com/', createdAt },
      ],
    },
  ],
});

function open() {
  return renderWithDataFolder(
    (store) => (
      <ServiceSettings
        workspace={store.workspaces[0]!}
        service={store.workspaces[0]!.services[0]!}
        view={undefined}
        onClearData={() => undefined}
        onRemove={() => undefined}
        onClose={() => undefined}
      />
    ),
    initial,
  );
}

describe('ServiceSettings: memory ceiling', () => {
  it('saves a ceiling in range when the field is left, refuses one out of range, and clears it', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    const field = await screen.findByLabelText('Memory ceiling (MB)');
    const ceiling = () => backend.workspaces.store.workspaces[0]!.services[0]!.hibernation;

    await user.type(field, '50');
    await user.tab();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/whole number from 128 to 16384/)).toBeTruthy();
    expect(ceiling().memoryCeilingMb).toBeUndefined();

    await user.clear(field);
    await user.type(field, '600');
    await user.tab();
    await waitFor(() => expect(ceiling().memoryCeilingMb).toBe(600));

    await user.clear(field);
    await user.tab();
    await waitFor(() => expect(ceiling().memoryCeilingMb).toBeUndefined());
    expect(ceiling().keepAlive).toBe(false);
  });
});
