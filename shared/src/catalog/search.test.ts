import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_CATALOG } from './catalog';
import { normalizeSearchText, searchCatalog, withinEditDistance } from './search';

const names = (query: string, options?: Parameters<typeof searchCatalog>[1]) =>
  searchCatalog(query, options).map((entry) => entry.name);

describe('normalizeSearchText', () => {
  it.each([
    ['Monday.com', 'monday com'],
    ['  Nótion  ', 'notion'],
    ['Rocket.Chat', 'rocket chat'],
    ['MS-Teams!!', 'ms teams'],
    ['Ｇｍａｉｌ', 'gmail'],
    ['...', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe('searchCatalog ranking', () => {
  it('puts an exact name first', () => {
    expect(names('Notion')[0]).toBe('Notion');
    expect(names('x')[0]).toBe('X');
  });

  it('finds Monday.com from "monday" and ignores punctuation', () => {
    expect(names('monday')[0]).toBe('Monday.com');
    expect(names('monday com')[0]).toBe('Monday.com');
    expect(names('rocketchat')[0]).toBe('Rocket.Chat');
    expect(names('rocket chat')[0]).toBe('Rocket.Chat');
  });

  it('finds Microsoft Teams by alias and by a word of its name', () => {
    expect(names('ms teams')[0]).toBe('Microsoft Teams');
    expect(names('MS Teams')[0]).toBe('Microsoft Teams');
    expect(names('teams')[0]).toBe('Microsoft Teams');
  });

  it('lists the Google apps for "google", name-prefix matches first, in name order', () => {
    const results = names('google');
    const googleNamed = SERVICE_CATALOG.filter((entry) => entry.name.startsWith('Google '));
    expect(googleNamed.length).toBeGreaterThanOrEqual(10);
    const head = results.slice(0, googleNamed.length);
    expect(head).toEqual([...head].sort());
    expect(new Set(head)).toEqual(new Set(googleNamed.map((entry) => entry.name)));
    // Alias matches come after: "google mail", "google gemini".
    expect(results).toContain('Gmail');
    expect(results.indexOf('Gmail')).toBeGreaterThan(googleNamed.length - 1);
  });

  it('ranks name prefix above word prefix above alias above substring', () => {
    const results = names('drive');
    expect(results.slice(0, 3)).toEqual(['Google Drive', 'OneDrive', 'Pipedrive']);
    expect(names('mail').slice(0, 3)).toEqual(['Mailchimp', 'Proton Mail', 'Gmail']);
    // "todo" starts the name Todoist and is an alias of Microsoft To Do.
    expect(names('todo').slice(0, 2)).toEqual(['Todoist', 'Microsoft To Do']);
  });

  it('is accent- and case-insensitive and forgives small typos', () => {
    expect(names('NÓTION')[0]).toBe('Notion');
    expect(names('slak')[0]).toBe('Slack');
    expect(names('notoin')[0]).toBe('Notion');
    expect(names('gogle docs')[0]).toBe('Google Docs');
    expect(names('figmma')[0]).toBe('Figma');
  });

  it('finds services by alias', () => {
    expect(names('gdocs')[0]).toBe('Google Docs');
    expect(names('o365')[0]).toBe('Office 365');
    expect(names('twitter')[0]).toBe('X');
    expect(names('hotmail')[0]).toBe('Outlook');
  });

  it('falls back to the category', () => {
    const results = searchCatalog('crm');
    expect(results.length).toBeGreaterThanOrEqual(5);
    expect(results.every((entry) => entry.category === 'business-crm')).toBe(true);
    const design = searchCatalog('design');
    expect(design.map((entry) => entry.category)).toEqual(design.map(() => 'design'));
  });

  it('puts category matches after name matches', () => {
    const results = names('chat');
    expect(results.slice(0, 3)).toEqual(['ChatGPT', 'Google Chat', 'Rocket.Chat']);
    expect(results).toContain('Slack');
    expect(results.indexOf('Slack')).toBeGreaterThan(2);
  });

  it('returns the whole catalog, in catalog order, for an empty query', () => {
    expect(searchCatalog('')).toEqual([...SERVICE_CATALOG]);
    expect(searchCatalog('   ')).toEqual([...SERVICE_CATALOG]);
  });

  it('filters by category and limits', () => {
    const development = searchCatalog('', { category: 'development' });
    expect(development.length).toBeGreaterThan(5);
    expect(development.every((entry) => entry.category === 'development')).toBe(true);
    expect(names('google', { category: 'cloud-storage' })).toEqual(['Google Drive']);
    expect(searchCatalog('google', { limit: 2 })).toHaveLength(2);
    expect(searchCatalog('', { limit: 0 })).toEqual([]);
    expect(searchCatalog('', { limit: 1.5 })).toHaveLength(SERVICE_CATALOG.length);
    expect(searchCatalog('', { limit: -1 })).toHaveLength(SERVICE_CATALOG.length);
  });

  it('returns nothing for junk and never throws', () => {
    expect(searchCatalog('zzzzqqq')).toEqual([]);
    expect(searchCatalog('!!!')).toEqual([]);
    expect(searchCatalog('a'.repeat(10_000))).toEqual([]);
    expect(searchCatalog('slack '.repeat(20))).toEqual([]);
    expect(searchCatalog(undefined as unknown as string)).toEqual([]);
    expect(searchCatalog({} as unknown as string)).toEqual([]);
    expect(searchCatalog('slack', { category: 'nope' as never })).toEqual([]);
    expect(searchCatalog('slack', null as never)).toHaveLength(1);
  });
});

describe('searchCatalog properties', () => {
  const catalog = new Set(SERVICE_CATALOG);
  const option = fc.option(fc.anything(), { nil: undefined });

  it('never throws and only returns catalog entries, each once', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        fc.record({ category: option, limit: option }, { requiredKeys: [] }),
        (query, options) => {
          const results = searchCatalog(query, options as never);
          expect(results.every((entry) => catalog.has(entry))).toBe(true);
          expect(new Set(results).size).toBe(results.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds every service by its own name, first', () => {
    for (const entry of SERVICE_CATALOG) {
      expect(searchCatalog(entry.name)[0]).toBe(entry);
      expect(searchCatalog(entry.name.toUpperCase())[0]).toBe(entry);
    }
  });

  it('finds every service by each of its aliases', () => {
    for (const entry of SERVICE_CATALOG) {
      for (const alias of entry.aliases) expect(searchCatalog(alias)).toContain(entry);
    }
  });
});

describe('withinEditDistance', () => {
  /** Plain optimal-string-alignment distance, written the obvious way, as the reference. */
  function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i += 1) {
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
    }
    return d[a.length]![b.length]!;
  }

  it('counts swaps of neighbours as one edit', () => {
    expect(withinEditDistance('notoin', 'notion', 1)).toBe(true);
    expect(withinEditDistance('slak', 'slack', 1)).toBe(true);
    expect(withinEditDistance('design', 'signal', 2)).toBe(false);
    expect(withinEditDistance('', 'abc', 2)).toBe(false);
    expect(withinEditDistance('', 'ab', 2)).toBe(true);
  });

  it('agrees with the reference distance', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(withinEditDistance(a, b, max)).toBe(distance(a, b) <= max);
      }),
      { numRuns: 1000 },
    );
  });
});
