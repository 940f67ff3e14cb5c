import type { ReactNode } from 'react';
import { strings } from '../strings';
import { Dialog } from './Dialog';

/** A question that must be answered before something is removed; Cancel has the focus. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog label={title} role="alertdialog" onClose={onCancel} className="confirm">
      <h2>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" autoFocus onClick={onCancel}>
          {strings.cancel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
