// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDeskBridge } from '@flowdesk/shared/ipc';
import { evaluateLicense, newLicenseRecord } from '@flowdesk/shared/licensing';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { createInPageBackend } from '../../test/support/in-page-backend';
import { App } from './App';

afterEach(cleanup);

describe('App', () => {
  it('shows an actionable message instead of a blank screen when the store cannot be read, and retries', async () => {
    const backend = createInPageBackend();
    let failures = 1;
    const bridge: FlowDeskBridge = {
      on: backend.bridge.on,
      invoke: ((channel: Parameters<FlowDeskBridge['invoke']>[0], request: never) => {
        if (channel === 'state:get' && failures-- > 0) {
          return Promise.resolve({
            ok: false,
            error: {
              code: 'IPC_TRANSPORT_FAILED',
              message: 'Flow Desk did not answer. Try again.',
              details: {},
            },
          });
        }
        return backend.bridge.invoke(channel, request);
      }) as FlowDeskBridge['invoke'],
    };
    Object.defineProperty(window, 'flowdesk', { value: bridge, configurable: true });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Flow Desk did not answer. Try again.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Create a workspace to start: the + button on the left.');
  });

  it('shows what fallback mode locks and explains it when a locked service is opened', async () => {
    const createdAt = '2026-12-01T10:00:00.000Z';
    const initial = workspaceStoreSchema.parse({
      schemaVersion: 1,
      activeWorkspaceId: 'w3',
      workspaces: ['w1', 'w2', 'w3'].map((id) => ({
        id,
        name: `Workspace ${id}`,
        createdAt,
        services: [
          {
            id: `${id}-s`,
            type: 'github',
            name: `GitHub ${id}`,
            url: 'https://github.com/',
            createdAt,
          },
        ],
      })),
    });
    const now = Date.parse(createdAt);
    // Licensing on, nobody signed in: Free's two workspaces.
    const backend = createInPageBackend({
      initial,
      licenseManagerFor: () => ({
        snapshot: () => ({
          state: evaluateLicense(undefined, newLicenseRecord(now), now),
          secureStorage: true,
        }),
        startSignIn: () => Promise.reject(new Error('not used')),
        cancelSignIn: () => undefined,
        checkNow: () => Promise.resolve(),
        signOut: () => Promise.reject(new Error('not used')),
        reschedule: () => undefined,
      }),
    });
    Object.defineProperty(window, 'flowdesk', { value: backend.bridge, configurable: true });
    render(<App />);
    const rail = await screen.findByRole('navigation', { name: 'Workspaces' });
    expect(
      (await within(rail).findByRole('button', { name: /Workspace w3, locked by your plan/ }))
        .className,
    ).toContain('locked');
    expect(within(rail).getByRole('button', { name: 'Workspace w1' }).className).not.toContain(
      'locked',
    );
    const locked = await screen.findByRole('button', { name: /GitHub w3.*locked by your plan/ });
    await userEvent.click(locked);
    expect((await screen.findByRole('alert')).textContent).toContain('over your plan’s limits');
  });

  it('tells the main process when its first screen is drawn, once', async () => {
    const marks: string[] = [];
    const backend = createInPageBackend({
      startup: { mark: (phase) => void marks.push(phase), launches: () => [] },
    });
    Object.defineProperty(window, 'flowdesk', { value: backend.bridge, configurable: true });
    render(<App />);
    await screen.findByRole('navigation', { name: 'Workspaces' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(marks).toEqual(['uiInteractive']);
  });
});
