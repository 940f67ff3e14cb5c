import { useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { moveId } from './order';

/**
 * Drag-to-reorder for a list of ids, with the keyboard equivalent (Alt+Up / Alt+Down on the
 * focused item) so reordering never needs a mouse.
 */
export function useReorder(ids: readonly string[], onReorder: (ids: string[]) => void) {
  const [dragging, setDragging] = useState<string | undefined>();
  const [over, setOver] = useState<{ id: string; after: boolean } | undefined>();
  const reset = () => {
    setDragging(undefined);
    setOver(undefined);
  };

  const dropOn = (target: { id: string; after: boolean }) => {
    if (!dragging || dragging === target.id) return;
    const rest = ids.filter((id) => id !== dragging);
    const index = rest.indexOf(target.id) + (target.after ? 1 : 0);
    const next = moveId(ids, dragging, index);
    if (next.join() !== ids.join()) onReorder(next);
  };

  return {
    dragging,
    itemProps: (id: string) => ({
      draggable: true,
      'data-drop':
        over?.id === id && dragging !== id ? (over.after ? 'after' : 'before') : undefined,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', id);
        setDragging(id);
      },
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!dragging) return;
        event.preventDefault();
        const box = event.currentTarget.getBoundingClientRect();
        setOver({ id, after: event.clientY > box.top + box.height / 2 });
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        event.preventDefault();
        const box = event.currentTarget.getBoundingClientRect();
        dropOn({ id, after: event.clientY > box.top + box.height / 2 });
        reset();
      },
      onDragEnd: reset,
    }),
    /** Alt+Up / Alt+Down; returns true when the key was used. */
    onMoveKey: (id: string, event: KeyboardEvent): boolean => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return false;
      event.preventDefault();
      const index = ids.indexOf(id);
      const next = moveId(ids, id, index + (event.key === 'ArrowUp' ? -1 : 1));
      if (next.join() !== ids.join()) onReorder(next);
      return true;
    },
    move: (id: string, delta: number) => {
      const next = moveId(ids, id, ids.indexOf(id) + delta);
      if (next.join() !== ids.join()) onReorder(next);
    },
  };
}

/** Shift+F10 or the Menu key open an item's options, as a right click does. */
export function isMenuKey(event: KeyboardEvent): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** Where a menu opened from the keyboard appears: under the focused element. */
export function menuPositionFor(element: Element): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  return { x: Math.round(box.left + 8), y: Math.round(box.bottom) };
}
