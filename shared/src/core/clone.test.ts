import { describe, expect, it } from 'vitest';
import { cloneJson } from './clone';

describe('cloneJson', () => {
  it('copies deeply: changing the copy leaves the original alone', () => {
    const original = { workspaces: [{ id: 'w1', services: [{ id: 's1', tags: ['a'] }] }] };
    const copy = cloneJson(original);
    expect(copy).toEqual(original);
    copy.workspaces[0]!.services[0]!.tags.push('b');
    expect(original.workspaces[0]!.services[0]!.tags).toEqual(['a']);
  });
});
