'use client';

import { useState, useTransition } from 'react';
import type { AdminResult } from '../console-session';
import { secondaryButtonClass } from './classes';
import type { AuditExport as AuditFile } from '../reports';

/** Downloads the filtered audit log as CSV or JSON (built on the server, saved by the browser). */
export function AuditExport({
  filters,
  exportLog,
}: {
  filters: Record<string, string>;
  exportLog: (filters: unknown) => Promise<AdminResult<AuditFile>>;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const download = (format: 'csv' | 'json') =>
    start(async () => {
      const answer = await exportLog({ ...filters, format });
      if (!answer.ok) {
        setMessage(answer.message);
        return;
      }
      const url = URL.createObjectURL(
        new Blob([answer.value.body], { type: answer.value.contentType }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = answer.value.filename;
      link.click();
      URL.revokeObjectURL(url);
      setMessage(
        `${answer.value.count} events exported${answer.value.truncated ? ': more matched, narrow the time range for the rest' : ''}.`,
      );
    });
  const button = secondaryButtonClass;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className={button} disabled={pending} onClick={() => download('csv')}>
        Export CSV
      </button>
      <button type="button" className={button} disabled={pending} onClick={() => download('json')}>
        Export JSON
      </button>
      <span aria-live="polite" className="text-sm text-neutral-700 dark:text-neutral-300">
        {pending ? 'Preparing the export…' : message}
      </span>
    </div>
  );
}
