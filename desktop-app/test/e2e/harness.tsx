import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/renderer/App';
import { getServiceDefinition } from '@flowdesk/shared/catalog';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { createInPageBackend } from '../support/in-page-backend';

/**
 * The app UI in a plain browser page, with window.flowdesk served by the in-page stand-in
 * instead of the preload. Tests reach the stand-in through window.flowdeskTest.
 */
/** `?seed=WxS` starts with W workspaces of S services each (for the UI benchmark). */
function seededStore(): WorkspaceStore | undefined {
  const seed = /^(\d{1,3})x(\d{1,3})$/.exec(
    new URLSearchParams(window.location.search).get('seed') ?? '',
  );
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

const initial = seededStore();
const backend = createInPageBackend(initial ? { initial } : {});
Object.defineProperty(window, 'flowdesk', { value: backend.bridge });
Object.defineProperty(window, 'flowdeskTest', { value: backend });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
