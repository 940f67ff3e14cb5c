import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useCoversContent } from '../state/overlay';

/**
 * A modal dialog on the native <dialog> element: it traps focus, makes the rest of the app
 * inert for screen readers and closes on Escape. `role` alertdialog is for questions that must
 * be answered (delete, clear data).
 */
export function Dialog({
  label,
  onClose,
  children,
  className,
  role,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  role?: 'alertdialog';
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useCoversContent();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement;
    if (!element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      role={role}
      aria-label={label}
      className={`dialog ${className ?? ''}`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === dialog.current) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
