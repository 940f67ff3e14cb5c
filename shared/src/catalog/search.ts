import { CATEGORIES, isCategoryId } from './categories';
import type { CategoryId } from './categories';
import { SERVICE_CATALOG } from './catalog';
import type { ServiceDefinition } from './schema';

export interface SearchOptions {
  /** Only services of this category; an unknown category matches nothing. */
  category?: CategoryId;
  /** At most this many results (a non-negative integer; anything else means no limit). */
  limit?: number;
}

/** Longer queries cannot match any name; refusing them early keeps junk input cheap. */
const MAX_QUERY_LENGTH = 64;

/** Match tiers, best first. Results are ordered by tier, then by name. */
const SCORE = {
  exactName: 100,
  namePrefix: 90,
  nameWordPrefix: 80,
  aliasExact: 70,
  aliasPrefix: 65,
  substring: 50,
  fuzzy: 40,
  category: 30,
} as const;

/**
 * Case-, accent- and punctuation-insensitive form: "Monday.com" → "monday com",
 * "Nótion" → "notion". Words are separated by single spaces.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (normalized: string): string => normalized.replace(/ /g, '');

interface Term {
  text: string;
  compact: string;
  words: readonly string[];
}

function term(raw: string): Term {
  const text = normalizeSearchText(raw);
  return { text, compact: compact(text), words: text.split(' ').filter(Boolean) };
}

interface IndexedService {
  definition: ServiceDefinition;
  name: Term;
  aliases: readonly Term[];
  categoryWords: readonly string[];
  sortKey: string;
}

const categoryWords = new Map(
  CATEGORIES.map((category) => [
    category.id,
    [...term(category.id).words, ...term(category.label).words, ...category.keywords],
  ]),
);

const INDEX: readonly IndexedService[] = SERVICE_CATALOG.map((definition) => {
  const name = term(definition.name);
  return {
    definition,
    name,
    aliases: definition.aliases.map(term),
    categoryWords: categoryWords.get(definition.category) ?? [],
    sortKey: name.compact,
  };
});

/** "teams" matches "microsoft teams"; "google d" matches "google docs". */
function wordPrefix(target: Term, query: Term): boolean {
  return target.words.some((_, index) =>
    target.words.slice(index).join(' ').startsWith(query.text),
  );
}

/**
 * Whether two strings are within `max` edits (insertions, deletions, substitutions and swaps of
 * neighbours), computed on a band so typos cost little.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousRow[j - 2] ?? 0) + 1);
      }
      next.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    previousRow = row;
    row = next;
  }
  return (row[b.length] ?? Infinity) <= max;
}

function fuzzyMatches(target: Term, query: Term): boolean {
  const q = query.compact;
  // Below four characters nearly every short word is one edit away: too noisy to help.
  if (q.length < 4) return false;
  const max = q.length >= 8 ? 2 : 1;
  const whole = [target.compact, ...target.words.filter((word) => word.length >= 3)];
  if (whole.some((candidate) => withinEditDistance(q, candidate, max))) return true;
  // A typo inside a prefix the user is still typing: "notoi" for "notion".
  return withinEditDistance(q, target.compact.slice(0, q.length), 1);
}

function scoreOf(entry: IndexedService, query: Term): number {
  const { name, aliases } = entry;
  if (name.text === query.text || name.compact === query.compact) return SCORE.exactName;
  if (name.text.startsWith(query.text) || name.compact.startsWith(query.compact)) {
    return SCORE.namePrefix;
  }
  if (wordPrefix(name, query)) return SCORE.nameWordPrefix;
  if (aliases.some((alias) => alias.text === query.text || alias.compact === query.compact)) {
    return SCORE.aliasExact;
  }
  if (
    aliases.some((alias) => alias.compact.startsWith(query.compact) || wordPrefix(alias, query))
  ) {
    return SCORE.aliasPrefix;
  }
  if (
    query.compact.length >= 2 &&
    [name, ...aliases].some((target) => target.compact.includes(query.compact))
  ) {
    return SCORE.substring;
  }
  if ([name, ...aliases].some((target) => fuzzyMatches(target, query))) return SCORE.fuzzy;
  if (query.text.length >= 2 && entry.categoryWords.some((word) => word.startsWith(query.text))) {
    return SCORE.category;
  }
  return 0;
}

/**
 * Finds services by what people type, best first: exact name, name prefix, a word of the name,
 * an alias, a substring or typo, then the category. An empty query lists the catalog in its
 * stable order. Never throws: input that is not a string, or that has no letters or digits,
 * finds nothing.
 */
export function searchCatalog(query: string, options: SearchOptions = {}): ServiceDefinition[] {
  if (typeof query !== 'string') return [];
  const { category, limit } = typeof options === 'object' && options !== null ? options : {};
  if (category !== undefined && !isCategoryId(category)) return [];
  const max = Number.isInteger(limit) && (limit as number) >= 0 ? (limit as number) : Infinity;
  const inCategory = (entry: IndexedService) =>
    category === undefined || entry.definition.category === category;

  if (query.trim() === '') {
    return INDEX.filter(inCategory)
      .slice(0, max)
      .map((entry) => entry.definition);
  }
  if (query.length > MAX_QUERY_LENGTH * 4) return [];
  const normalized = term(query);
  if (normalized.compact === '' || normalized.text.length > MAX_QUERY_LENGTH) return [];

  return INDEX.filter(inCategory)
    .map((entry) => ({ entry, score: scoreOf(entry, normalized) }))
    .filter((scored) => scored.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.entry.sortKey < b.entry.sortKey ? -1 : a.entry.sortKey > b.entry.sortKey ? 1 : 0),
    )
    .slice(0, max)
    .map((scored) => scored.entry.definition);
}
