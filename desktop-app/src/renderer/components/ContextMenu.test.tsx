// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContextMenu } from './ContextMenu';

afterEach(cleanup);

function setup() {
  const chosen: string[] = [];
  const onClose = vi.fn();
  const item = (id: string, extra = {}) => ({
    id,
    label: id,
    onSelect: () => chosen.push(id),
    ...extra,
  });
  render(
    <ContextMenu
      label="Slack options"
      at={{ x: 10, y: 10 }}
      onClose={onClose}
      items={[
        item('Reload'),
        item('Disabled', { disabled: true }),
        item('Mute', { checked: true }),
        item('Remove', { danger: true }),
      ]}
    />,
  );
  return { chosen, onClose };
}

describe('ContextMenu', () => {
  it('focuses the first item and moves with the arrow keys, skipping disabled items', () => {
    setup();
    const menu = screen.getByRole('menu', { name: 'Slack options' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Reload' }));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitemcheckbox', { name: /Mute/ }));
    fireEvent.keyDown(menu, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Remove' }));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Reload' }));
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Remove' }));
  });

  it('announces toggles as checked', () => {
    setup();
    expect(
      screen.getByRole('menuitemcheckbox', { name: /Mute/ }).getAttribute('aria-checked'),
    ).toBe('true');
  });

  it('runs the chosen item and closes; Escape closes without choosing', async () => {
    const { chosen, onClose } = setup();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Remove' }));
    expect(chosen).toEqual(['Remove']);
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(chosen).toEqual(['Remove']);
  });

  it('closes when the user clicks elsewhere', () => {
    const { onClose } = setup();
    fireEvent.pointerDown(document.body);
    expect(onClose).toHaveBeenCalled();
  });
});
