import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  /** A toggle: shown with a check mark and announced as checked / not checked. */
  checked?: boolean;
  disabled?: boolean;
  danger?: boolean;
  separatorBefore?: boolean;
  onSelect: () => void;
}

/**
 * A keyboard-operable menu (WAI-ARIA menu pattern): arrows move, Enter/Space choose, Escape
 * closes and gives focus back. It stays left of the service page, because a native view would
 * otherwise cover it.
 */
export function ContextMenu({
  label,
  items,
  at,
  onClose,
}: {
  label: string;
  items: MenuItem[];
  at: { x: number; y: number };
  onClose: () => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);
  const returnFocus = useRef<Element | null>(null);

  useLayoutEffect(() => {
    returnFocus.current = document.activeElement;
    const element = menu.current;
    if (!element) return;
    const box = element.getBoundingClientRect();
    const content = document.querySelector('.content')?.getBoundingClientRect().left;
    const right = content && content > 0 ? content : window.innerWidth;
    setPosition({
      x: Math.max(0, Math.min(at.x, right - box.width - 4)),
      y: Math.max(0, Math.min(at.y, window.innerHeight - box.height - 4)),
    });
    element.querySelector<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')?.focus();
  }, [at]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);

  const close = () => {
    onClose();
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ??
        []),
    ];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (next: number) => buttons[(next + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          tabIndex={-1}
          disabled={item.disabled}
          className={[item.danger ? 'danger' : '', item.separatorBefore ? 'separated' : ''].join(
            ' ',
          )}
          onClick={() => {
            close();
            item.onSelect();
          }}
        >
          <span className="check" aria-hidden="true">
            {item.checked ? '✓' : ''}
          </span>
          {item.label}
        </button>
      ))}
    </div>
  );
}
