/** The console's form controls: one look for fields and buttons on every page. */
export const fieldClass =
  'mt-1 w-full rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-950';

export const primaryButtonClass =
  'rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 disabled:opacity-60';

export const secondaryButtonClass =
  'rounded-md border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100 focus-visible:outline-2 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900';
