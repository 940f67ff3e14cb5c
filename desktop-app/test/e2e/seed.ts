import { getServiceDefinition } from '@flowdesk/shared/catalog';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

/**
 * `WxS` (from `?seed=WxS`) → W workspaces of S services each, for the UI benchmark; anything
 * else → undefined (an empty store).
 */
export function seededStore(seedText: string | null): WorkspaceStore | undefined {
  const seed = /^(\d{1,3})x(\d{1,3})$/.exec(seedText ?? '');
  if (!seed) return undefined;
  const createdAt = new Date().toISOString();
  const types = ['slack', 'github', 'notion', 'gmail', 'linear', 'figma', 'trello', 'discord'];
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w0',
    workspaces: Array.from({ length: Number(seed[1]) }, (_, w) => ({
      id: `w${w}`,
      name: `Workspace ${w}`,
      createdAt,
      services: Array.from({ length: Number(seed[2]) }, (_, s) => {
        const type = types[s % types.length] ?? 'slack';
        return {
          id: `w${w}-s${s}`,
          type,
          name: `${type} ${w}-${s}`,
          url: getServiceDefinition(type)?.url ?? 'https://example.com/',
          createdAt,
        };
      }),
    })),
  });
}
