// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { useFlowDesk } from '../state/use-flowdesk';
import { renderWithBackend } from '../test-support';
import { ProxySettings } from './ProxySettings';

afterEach(cleanup);

const createdAt = '2026-11-24T10:00:00.000Z';
const storeWith = (isolation: 'shared' | 'isolated') =>
  workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt,
        services: [
          {
            id: 's1',
            type: 'slack',
            name: 'Slack',
            url: 'https://app.slack.com/client',
            createdAt,
            isolation,
          },
        ],
      },
    ],
  });

function open(isolation: 'shared' | 'isolated' = 'isolated') {
  function Live() {
    const { store } = useFlowDesk();
    const service = store?.workspaces[0]?.services[0];
    return service ? <ProxySettings service={service} /> : null;
  }
  return renderWithBackend(<Live />, { initial: storeWith(isolation) });
}

describe('ProxySettings', () => {
  it('offers only the system settings to a service that shares its sign-in, and says why', async () => {
    open('shared');
    expect(await screen.findByText(/Choose "Isolated" above/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: /No proxy/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: /Use this proxy/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: /computer's proxy/ })).toHaveProperty('checked', true);
  });

  it('names each wrong field, keeps what was typed, then saves the proxy and its password', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    await user.click(await screen.findByRole('radio', { name: /Use this proxy/ }));
    await user.type(screen.getByLabelText('Proxy address'), 'http://proxy.example.com');
    await user.type(screen.getByLabelText('Port'), '99999');
    await user.click(screen.getByRole('button', { name: 'Save proxy' }));
    expect(await screen.findByText(/the port has its own field/)).toBeTruthy();
    expect(screen.getByText(/from 1 to 65535/)).toBeTruthy();
    expect(backend.workspaces.findService('s1')?.service.proxy).toEqual({ mode: 'system' });

    const host = screen.getByLabelText('Proxy address');
    await user.clear(host);
    await user.type(host, 'proxy.example.com');
    const port = screen.getByLabelText('Port');
    await user.clear(port);
    await user.type(port, '3128');
    await user.type(screen.getByLabelText('User name (optional)'), 'jane');
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    await user.type(screen.getByLabelText(/without the proxy/), '*.intranet.example');
    await user.click(screen.getByRole('button', { name: 'Save proxy' }));
    await waitFor(() =>
      expect(backend.workspaces.findService('s1')?.service.proxy).toEqual({
        mode: 'custom',
        protocol: 'http',
        host: 'proxy.example.com',
        port: 3128,
        username: 'jane',
        passwordStored: true,
        bypass: ['*.intranet.example'],
      }),
    );
    expect(await backend.secrets.store.get('proxy:s1')).toBe('hunter2');
    // The field is emptied; the page says a password is kept.
    expect(screen.getByLabelText('Password')).toHaveProperty('value', '');
    expect(await screen.findByText(/A password is saved/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Forget the saved password' }));
    await waitFor(() => expect(backend.secrets.store.has('proxy:s1')).toBe(false));
  });

  it('says SOCKS proxies take no sign-in', async () => {
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('radio', { name: /Use this proxy/ }));
    await user.selectOptions(screen.getByLabelText('Type'), 'socks5');
    expect(screen.getByText(/SOCKS proxies are used without/)).toBeTruthy();
    await user.type(screen.getByLabelText('User name (optional)'), 'jane');
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});
