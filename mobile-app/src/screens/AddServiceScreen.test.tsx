import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react-native';
import type { Result } from '@flowdesk/shared/core';
import { defaultWorkspaceStore } from '@flowdesk/shared/workspace';
import { addService, addWorkspace } from '../state/workspace-editor';
import { AddServiceScreen } from './AddServiceScreen';

/** The screen wired to the real editor on a real store, as the app does. */
function renderWithStore() {
  const created = addWorkspace(defaultWorkspaceStore(), { name: 'Work' });
  if (!created.ok) throw created.error;
  let store = created.value.store;
  const workspaceId = created.value.workspace.id;
  const add = jest.fn((input: { type: string; name?: string; url?: string }): Result<unknown> => {
    const result = addService(store, workspaceId, input);
    if (result.ok) store = result.value.store;
    return result;
  });
  render(<AddServiceScreen add={add} />);
  return { add, services: () => store.workspaces[0]!.services };
}

describe('adding a service', () => {
  it('finds a catalog service as you type and adds it', () => {
    const { services } = renderWithStore();
    fireEvent.changeText(screen.getByLabelText('Search the catalog'), 'slac');
    fireEvent.press(screen.getByRole('button', { name: 'Add Slack' }));
    expect(services().map((service) => service.type)).toEqual(['slack']);
  });

  it('says when nothing matches', () => {
    renderWithStore();
    fireEvent.changeText(screen.getByLabelText('Search the catalog'), 'zzzz-nothing');
    expect(screen.getByText(/No service matches/)).toBeTruthy();
  });

  it('shows why a bad address is refused, stores nothing, then adds a good one', () => {
    const { services } = renderWithStore();
    fireEvent.changeText(screen.getByLabelText('Name'), 'Wiki');
    fireEvent.changeText(screen.getByLabelText('Address'), 'javascript:alert(1)');
    fireEvent.press(screen.getByRole('button', { name: 'Add this web app' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(services()).toEqual([]);
    fireEvent.changeText(screen.getByLabelText('Address'), 'https://wiki.acme.example/');
    fireEvent.press(screen.getByRole('button', { name: 'Add this web app' }));
    expect(services().map((service) => [service.name, service.url])).toEqual([
      ['Wiki', 'https://wiki.acme.example/'],
    ]);
  });

  it('shows a refusal that is not about one field', () => {
    render(
      <AddServiceScreen add={(input) => addService(defaultWorkspaceStore(), 'gone', input)} />,
    );
    fireEvent.press(screen.getByRole('button', { name: 'Add Slack' }));
    expect(screen.getByRole('alert').props.children).toBe('This workspace no longer exists.');
  });
});
