import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH } from '@flowdesk/shared/workspace';
import { AuditTrail, hashAuditEntry } from './audit-trail';
import type { AuditEventInput } from './audit-trail';

let directory: string;
let clock: number;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'flowdesk-audit-'));
  clock = Date.UTC(2026, 10, 1);
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const trail = () =>
  new AuditTrail({
    directory,
    userAgent: 'Flow Desk/0.1.0 (test)',
    retentionDays: 30,
    now: () => new Date(clock),
  });
const event = (action: string, extra: Partial<AuditEventInput> = {}): AuditEventInput => ({
  type: 'service_added',
  severity: 'low',
  workspaceId: 'w1',
  serviceId: 's1',
  action,
  result: 'success',
  ...extra,
});
const file = () => join(directory, 'audit', 'w1.jsonl');
const lines = () => readFileSync(file(), 'utf8').trim().split('\n');

describe('AuditTrail', () => {
  it('chains entries: each carries the hash of the one before', async () => {
    const audit = trail();
    const first = await audit.logWorkspaceEvent(event('add Slack'));
    const second = await audit.logWorkspaceEvent(event('load Slack', { type: 'service_loaded' }));
    expect(first).toMatchObject({
      sequence: 0,
      previousHash: AUDIT_GENESIS_HASH,
      result: 'success',
      userAgent: 'Flow Desk/0.1.0 (test)',
    });
    expect(second.sequence).toBe(1);
    expect(second.previousHash).toBe(first.hash);
    const { hash, ...rest } = second;
    expect(hashAuditEntry(rest)).toBe(hash);
    expect(await audit.verify('w1')).toEqual({ valid: true, checkedEntries: 2 });
  });

  it('keeps order under concurrent appends and continues the chain after a restart', async () => {
    const audit = trail();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => audit.logWorkspaceEvent(event(`action ${i}`))),
    );
    const restarted = trail();
    const next = await restarted.logWorkspaceEvent(event('after restart'));
    expect(next.sequence).toBe(20);
    expect(await restarted.verify('w1')).toEqual({ valid: true, checkedEntries: 21 });
  });

  it('redacts secrets and e-mail addresses from metadata', async () => {
    const entry = await trail().logWorkspaceEvent(
      event('sign in', {
        metadata: { email: 'jane@example.com', token: 'abc', url: 'https://x.io/cb?code=1' },
      }),
    );
    expect(entry.metadata).toEqual({
      email: '[email]',
      token: '[redacted]',
      url: 'https://x.io/cb?[redacted]',
    });
    expect(readFileSync(file(), 'utf8')).not.toContain('jane@example.com');
  });

  it('finds an edited entry', async () => {
    const audit = trail();
    for (const action of ['a', 'b', 'c']) await audit.logWorkspaceEvent(event(action));
    const edited = lines().map((line, index) =>
      index === 1 ? line.replace('"action":"b"', '"action":"B"') : line,
    );
    writeFileSync(file(), `${edited.join('\n')}\n`);
    expect(await trail().verify('w1')).toEqual({
      valid: false,
      checkedEntries: 1,
      firstProblem: {
        sequence: 1,
        kind: 'hash-mismatch',
        message: 'Entry 1 was changed after it was written.',
      },
    });
  });

  it('finds a removed entry, a reordered one and an unreadable line', async () => {
    const audit = trail();
    for (const action of ['a', 'b', 'c']) await audit.logWorkspaceEvent(event(action));
    const original = lines();
    writeFileSync(file(), `${[original[0], original[2]].join('\n')}\n`);
    expect((await trail().verify('w1')).firstProblem).toMatchObject({
      sequence: 1,
      kind: 'sequence-gap',
    });
    const [a, b] = original;
    const forged = JSON.parse(b!) as Record<string, unknown>;
    forged.previousHash = 'f'.repeat(64);
    writeFileSync(file(), `${[a, JSON.stringify(forged)].join('\n')}\n`);
    expect((await trail().verify('w1')).firstProblem).toMatchObject({
      sequence: 1,
      kind: 'chain-break',
    });
    writeFileSync(file(), `${a}\n{"torn": \n`);
    expect((await trail().verify('w1')).firstProblem).toMatchObject({
      sequence: 1,
      kind: 'unreadable',
    });
  });

  it('lists newest first, with paging', async () => {
    const audit = trail();
    for (const action of ['a', 'b', 'c', 'd']) await audit.logWorkspaceEvent(event(action));
    expect(
      (await audit.getWorkspaceAuditTrail('w1', { limit: 2 })).map((entry) => entry.action),
    ).toEqual(['d', 'c']);
    expect(
      (await audit.getWorkspaceAuditTrail('w1', { beforeSequence: 2 })).map(
        (entry) => entry.action,
      ),
    ).toEqual(['b', 'a']);
    expect(await audit.getWorkspaceAuditTrail('w2')).toEqual([]);
  });

  it('drops old entries on retention without breaking verification', async () => {
    const audit = trail();
    await audit.logWorkspaceEvent(event('old 1'));
    await audit.logWorkspaceEvent(event('old 2'));
    clock += 40 * 24 * 60 * 60 * 1000;
    await audit.logWorkspaceEvent(event('recent'));
    expect(await audit.applyRetention('w1')).toBe(2);
    expect(await audit.applyRetention('w1')).toBe(0);
    expect(lines()).toHaveLength(1);
    expect(await trail().verify('w1')).toEqual({ valid: true, checkedEntries: 1 });
    const next = await trail().logWorkspaceEvent(event('later'));
    expect(next.sequence).toBe(3);
    clock += 40 * 24 * 60 * 60 * 1000;
    expect(await audit.applyRetention('w1')).toBe(2);
    expect(await trail().verify('w1')).toEqual({ valid: true, checkedEntries: 0 });
    expect((await trail().logWorkspaceEvent(event('fresh'))).sequence).toBe(4);
  });

  it('refuses ids that are not workspace ids', () => {
    expect(() => trail().logWorkspaceEvent(event('x', { workspaceId: '../etc' }))).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_WORKSPACE' }),
    );
  });

  it('says so when a trail cannot be read, and ignores a damaged anchor', async () => {
    mkdirSync(join(directory, 'audit', 'w1.jsonl'), { recursive: true });
    await expect(trail().getWorkspaceAuditTrail('w1')).rejects.toMatchObject({
      code: 'AUDIT_UNREADABLE',
    });
    writeFileSync(join(directory, 'audit', 'w2.anchor.json'), '{not json');
    writeFileSync(join(directory, 'audit', 'w3.anchor.json'), '{"sequence": -1}');
    const entry = await trail().logWorkspaceEvent(event('x', { workspaceId: 'w2' }));
    expect(entry.sequence).toBe(0);
    expect((await trail().logWorkspaceEvent(event('y', { workspaceId: 'w3' }))).sequence).toBe(0);
  });
});
