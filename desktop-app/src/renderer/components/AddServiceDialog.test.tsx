// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { renderWithBackend } from '../test-support';
import { AddServiceDialog } from './AddServiceDialog';

afterEach(cleanup);

const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [{ id: 'w1', name: 'Work', createdAt: '2026-11-24T10:00:00.000Z' }],
});

function open() {
  const onClose = vi.fn();
  const rendered = renderWithBackend(
    <AddServiceDialog
      workspace={store.workspaces[0]!}
      defaultIsolation="shared"
      onClose={onClose}
    />,
    { initial: store },
  );
  const services = () => rendered.backend.workspaces.store.workspaces[0]!.services;
  return { ...rendered, onClose, services };
}

describe('AddServiceDialog', () => {
  it('lists the catalog by category and narrows it as the user searches', async () => {
    open();
    expect(screen.getByRole('heading', { name: 'Communication' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Slack' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Search services'), 'gitlb');
    expect(screen.getByRole('button', { name: 'GitLab' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Slack' })).toBeNull();
    await userEvent.clear(screen.getByLabelText('Search services'));
    await userEvent.type(screen.getByLabelText('Search services'), 'zzzzqqq');
    expect(screen.getByText(/No service in the catalog matches/)).toBeTruthy();
  });

  it('offers discontinued services only as disabled entries', () => {
    open();
    expect(screen.getByRole('button', { name: /Height/ }).hasAttribute('disabled')).toBe(true);
  });

  it('asks a tenant service for the site name and names the problem until it is given', async () => {
    const { services, onClose } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Jira' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/Enter your Atlassian site name/)).toBeTruthy();
    expect(services()).toEqual([]);
    await userEvent.type(screen.getByLabelText(/Atlassian site/), 'acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(services().map((service) => service.url)).toEqual([
        'https://acme.atlassian.net/jira/',
      ]),
    );
    expect(onClose).toHaveBeenCalled();
  });

  it('validates a custom address as it is typed, keeps the input, and adds an isolated service', async () => {
    const { services } = open();
    await userEvent.click(screen.getByRole('button', { name: /Custom service/ }));
    const address = screen.getByLabelText('Address');
    await userEvent.type(address, 'javascript:alert(1)');
    expect(screen.getByText(/"javascript:" addresses cannot be opened/)).toBeTruthy();
    expect(address.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(services()).toEqual([]);
    expect((address as HTMLInputElement).value).toBe('javascript:alert(1)');
    await userEvent.clear(address);
    await userEvent.type(address, 'wiki.example.org');
    await userEvent.type(screen.getByLabelText('Name'), 'Team wiki');
    await userEvent.click(screen.getByRole('radio', { name: 'Isolated' }));
    expect(screen.queryByText(/addresses cannot be opened/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(services()).toHaveLength(1));
    expect(services()[0]).toMatchObject({
      type: 'custom-template',
      name: 'Team wiki',
      url: 'https://wiki.example.org/',
      isolation: 'isolated',
    });
  });

  it('goes back to the catalog without adding anything', async () => {
    const { services } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Slack' }));
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Search services')).toBeTruthy();
    expect(services()).toEqual([]);
  });
});
