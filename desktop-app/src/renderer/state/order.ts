/** The ids with `id` moved to `toIndex` (clamped); unchanged when `id` is not there. */
export function moveId(ids: readonly string[], id: string, toIndex: number): string[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const rest = ids.filter((other) => other !== id);
  const to = Math.max(0, Math.min(toIndex, rest.length));
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}

/**
 * Most-recently-used services, newest first, for Ctrl+Tab. Removed services drop out; the list
 * stays short because nobody tabs back through more than a handful.
 */
export function rememberRecent(
  recent: readonly string[],
  serviceId: string,
  known: ReadonlySet<string>,
  limit = 20,
): string[] {
  return [serviceId, ...recent.filter((id) => id !== serviceId && known.has(id))].slice(0, limit);
}

/** The service Ctrl+Tab (step 1) or Ctrl+Shift+Tab (step -1) goes to from the current one. */
export function stepRecent(
  recent: readonly string[],
  current: string | undefined,
  step: 1 | -1,
): string | undefined {
  if (recent.length < 2) return undefined;
  const index = current === undefined ? -1 : recent.indexOf(current);
  const next =
    ((((index === -1 ? 0 : index) + step) % recent.length) + recent.length) % recent.length;
  return recent[next];
}
