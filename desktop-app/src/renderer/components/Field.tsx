import type { ReactNode } from 'react';

/** A labelled form field with its message line: the problem when there is one, else a hint. */
export function Field({
  id,
  label,
  problem,
  warning,
  children,
}: {
  id: string;
  label: string;
  problem?: string | undefined;
  warning?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={problem ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      <p id={`${id}-message`} className={problem ? 'problem' : 'hint'} aria-live="polite">
        {problem ?? warning ?? ''}
      </p>
    </div>
  );
}
