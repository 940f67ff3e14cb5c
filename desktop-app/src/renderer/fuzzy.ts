/**
 * Fuzzy ranking for the quick switcher: every character of the query must appear in order in
 * the candidate ("slk" finds "Slack"). Matches at the start of the text or of a word, and runs of
 * consecutive characters, rank higher; shorter texts win ties. Case and accents are ignored.
 */

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A score above 0 when `query` matches `text`, higher is better; 0 when it does not. */
export function fuzzyScore(query: string, text: string): number {
  const needle = fold(query).replace(/\s+/g, '');
  const haystack = fold(text);
  if (needle === '') return 1;
  let score = 0;
  let position = 0;
  let previous = -2;
  for (const char of needle) {
    const found = haystack.indexOf(char, position);
    if (found === -1) return 0;
    const wordStart = found === 0 || /[\s\-_./]/.test(haystack[found - 1] ?? '');
    score += 1 + (found === 0 ? 8 : wordStart ? 5 : 0) + (found === previous + 1 ? 3 : 0);
    previous = found;
    position = found + 1;
  }
  // Prefer the tighter match in a shorter text.
  return score + 1 / (1 + haystack.length);
}

export function rankByFuzzy<T>(
  query: string,
  items: readonly T[],
  textOf: (item: T) => string,
  limit = 20,
): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}
