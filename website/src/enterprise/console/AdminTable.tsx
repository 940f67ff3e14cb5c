import type { ReactNode } from 'react';

/** The console's tables: a caption for screen readers, column headings, the rows given. */
export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  /** Headings; an empty one is an actions column, named for screen readers only. */
  columns: string[];
  children: ReactNode;
}) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-200 dark:border-neutral-800">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className="py-2 pr-4">
                {column || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row of an AdminTable. */
export function AdminRow({ children }: { children: ReactNode }) {
  return <tr className="border-b border-neutral-100 dark:border-neutral-900">{children}</tr>;
}
