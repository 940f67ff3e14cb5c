// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDeskBridge } from '@flowdesk/shared/ipc';
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
});
