import { describe, expect, it } from '@jest/globals';
import { defaultWorkspaceStore, workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { WORKSPACES_DOCUMENT, WorkspaceRepository } from './workspace-repository';
import { memoryStorage } from './memory-storage.test-support';

const at = () => new Date('2026-12-02T07:00:00.000Z');
const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt: '2026-12-01T10:00:00.000Z',
      services: [
        {
          id: 's1',
          type: 'slack',
          name: 'Slack',
          url: 'https://acme.slack.com/',
          createdAt: '2026-12-01T10:00:00.000Z',
        },
      ],
    },
  ],
});

describe('the phone’s workspaces', () => {
  it('starts empty, then keeps what is saved', async () => {
    const { storage } = memoryStorage();
    const repository = new WorkspaceRepository(storage, at);
    expect((await repository.load()).store).toEqual(defaultWorkspaceStore());
    await repository.save(store);
    expect(await new WorkspaceRepository(storage, at).load()).toEqual({ store });
  });

  it('sets a damaged or foreign document aside instead of overwriting it', async () => {
    for (const text of [
      '{"workspaces": [',
      '{"schemaVersion": 99}',
      '{"schemaVersion": 1, "workspaces": "x"}',
    ]) {
      const { storage, files } = memoryStorage({ [WORKSPACES_DOCUMENT]: text });
      const loaded = await new WorkspaceRepository(storage, at).load();
      expect(loaded.store).toEqual(defaultWorkspaceStore());
      expect(loaded.problem?.keptAs).toBe('workspaces.unreadable-2026-12-02T07-00-00-000Z.json');
      expect(loaded.problem?.message).toMatch(/A copy was kept as workspaces\.unreadable-/);
      expect(files.get(loaded.problem!.keptAs)).toBe(text);
      // The original stays until the user saves something new.
      expect(files.get(WORKSPACES_DOCUMENT)).toBe(text);
    }
  });

  it('names the kept copy by the time it was set aside', async () => {
    const { storage } = memoryStorage({ [WORKSPACES_DOCUMENT]: 'garbage' });
    const loaded = await new WorkspaceRepository(storage).load();
    expect(loaded.problem?.keptAs).toMatch(
      /^workspaces\.unreadable-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/,
    );
  });

  it('refuses to go on when even a copy cannot be made', async () => {
    const { storage, failWrites } = memoryStorage({ [WORKSPACES_DOCUMENT]: 'garbage' });
    failWrites();
    await expect(new WorkspaceRepository(storage, at).load()).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
    });
  });

  it('never writes an invalid store', async () => {
    const { storage, files } = memoryStorage();
    const broken = { ...store, workspaces: [{ ...store.workspaces[0], name: '' }] };
    await expect(new WorkspaceRepository(storage, at).save(broken as never)).rejects.toBeTruthy();
    expect(files.size).toBe(0);
  });
});
