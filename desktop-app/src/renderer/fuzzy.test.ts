import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzyScore, rankByFuzzy } from './fuzzy';

describe('fuzzyScore', () => {
  it('matches characters in order, ignoring case and accents', () => {
    expect(fuzzyScore('slk', 'Slack')).toBeGreaterThan(0);
    expect(fuzzyScore('kls', 'Slack')).toBe(0);
    expect(fuzzyScore('equipe', 'Équipe — Notion')).toBeGreaterThan(0);
    expect(fuzzyScore('', 'anything')).toBe(1);
    expect(fuzzyScore('gh work', 'GitHub · Work')).toBeGreaterThan(0);
  });

  it('ranks prefixes and word starts above scattered matches', () => {
    expect(fuzzyScore('git', 'GitHub')).toBeGreaterThan(fuzzyScore('git', 'Digital git tool'));
    expect(fuzzyScore('no', 'Notion')).toBeGreaterThan(fuzzyScore('no', 'Zeno docs'));
  });

  it('never throws and never matches when the query is longer than the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (query, text) => {
        const score = fuzzyScore(query, text);
        expect(Number.isFinite(score)).toBe(true);
        if (query.replace(/\s/g, '').length > text.length * 3 + 3) expect(score).toBe(0);
      }),
    );
  });
});

describe('rankByFuzzy', () => {
  it('orders by score, keeps the original order for ties, and limits', () => {
    const names = ['Zendesk', 'Slack · Work', 'Slack · Home', 'Salesforce'];
    expect(rankByFuzzy('slack', names, (name) => name)).toEqual(['Slack · Work', 'Slack · Home']);
    expect(rankByFuzzy('s', names, (name) => name, 2)).toHaveLength(2);
    expect(rankByFuzzy('xyz', names, (name) => name)).toEqual([]);
  });
});
