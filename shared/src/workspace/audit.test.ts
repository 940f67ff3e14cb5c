import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, canonicalJson, workspaceAuditEntrySchema } from './audit';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, null, 'x', true])).toBe('[null,null,"x",true]');
    expect(canonicalJson(new Date('2026-11-24T00:00:00Z'))).toBe('"2026-11-24T00:00:00.000Z"');
  });

  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it.each([
    [Number.NaN, 'the number NaN'],
    [{ a: Infinity }, 'the number Infinity'],
    [{ a: 1n }, 'a bigint'],
    [{ f: () => 1 }, 'a function'],
    [Symbol('s'), 'a symbol'],
  ])('refuses %s with a typed error', (value, what) => {
    expect(() => canonicalJson(value)).toThrow(what);
    expect(() => canonicalJson(value)).toThrow(
      expect.objectContaining({ code: 'AUDIT_NOT_SERIALISABLE' }),
    );
  });

  it('refuses cycles but not repeated references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(
      expect.objectContaining({ code: 'AUDIT_NOT_SERIALISABLE' }),
    );
  });
});

describe('workspaceAuditEntrySchema', () => {
  const entry = {
    v: 1,
    id: 'a1',
    sequence: 0,
    timestamp: '2026-11-24T10:00:00.000Z',
    workspaceId: 'w1',
    event: {
      type: 'navigation_blocked',
      severity: 'medium',
      workspaceId: 'w1',
      serviceId: 's1',
      action: 'will-navigate',
      timestamp: '2026-11-24T10:00:00.000Z',
    },
    action: 'navigation',
    result: 'blocked',
    userAgent: 'Flow Desk/0.1.0',
    previousHash: AUDIT_GENESIS_HASH,
    hash: 'a'.repeat(64),
  };

  it('accepts a chained entry and fills empty metadata', () => {
    const parsed = workspaceAuditEntrySchema.parse(entry);
    expect(parsed.metadata).toEqual({});
    expect(parsed.event.metadata).toEqual({});
  });

  it('refuses unknown event types, bad hashes and negative sequences', () => {
    expect(workspaceAuditEntrySchema.safeParse({ ...entry, hash: 'xyz' }).success).toBe(false);
    expect(workspaceAuditEntrySchema.safeParse({ ...entry, sequence: -1 }).success).toBe(false);
    expect(
      workspaceAuditEntrySchema.safeParse({ ...entry, event: { ...entry.event, type: 'hacked' } })
        .success,
    ).toBe(false);
  });
});
