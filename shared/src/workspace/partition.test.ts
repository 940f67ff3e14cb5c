import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserSessionConfigFor, parsePartition, sessionPartitionFor } from './partition';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,62}$/);

describe('sessionPartitionFor', () => {
  it('follows ARCHITECTURE.md decision 3', () => {
    const base = { workspaceId: 'work', serviceId: 'slack-1' };
    expect(sessionPartitionFor({ ...base, isolation: 'shared', persistSession: true })).toBe(
      'persist:ws-work',
    );
    expect(sessionPartitionFor({ ...base, isolation: 'isolated', persistSession: true })).toBe(
      'persist:svc-slack-1',
    );
    expect(sessionPartitionFor({ ...base, isolation: 'shared', persistSession: false })).toBe(
      'ws-work',
    );
    expect(sessionPartitionFor({ ...base, isolation: 'isolated', persistSession: false })).toBe(
      'svc-slack-1',
    );
  });

  it('refuses ids that could escape the partition name', () => {
    expect(() =>
      sessionPartitionFor({
        workspaceId: '../../x',
        serviceId: 's',
        isolation: 'shared',
        persistSession: true,
      }),
    ).toThrow(expect.objectContaining({ code: 'PARTITION_INVALID_ID' }));
  });

  it('round-trips through parsePartition', () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.constantFrom('shared', 'isolated'),
        fc.boolean(),
        (workspaceId, serviceId, isolation, persistSession) => {
          const name = sessionPartitionFor({ workspaceId, serviceId, isolation, persistSession });
          const parsed = parsePartition(name);
          expect(parsed).toEqual({
            ok: true,
            value: {
              scope: isolation === 'shared' ? 'workspace' : 'service',
              id: isolation === 'shared' ? workspaceId : serviceId,
              persistent: persistSession,
            },
          });
        },
      ),
    );
  });

  it('never gives two workspaces the same shared partition, nor a shared and an isolated one', () => {
    fc.assert(
      fc.property(id, id, id, (first, second, service) => {
        fc.pre(first !== second);
        const shared = (workspaceId: string) =>
          sessionPartitionFor({
            workspaceId,
            serviceId: service,
            isolation: 'shared',
            persistSession: true,
          });
        expect(shared(first)).not.toBe(shared(second));
        expect(
          sessionPartitionFor({
            workspaceId: first,
            serviceId: first,
            isolation: 'isolated',
            persistSession: true,
          }),
        ).not.toBe(shared(first));
      }),
    );
  });
});

describe('parsePartition', () => {
  it.each(['', 'persist:', 'persist:ws-', 'ws-UPPER', 'persist:other-x', 'persist:ws-a/b', 42])(
    'refuses %j',
    (name) => {
      const parsed = parsePartition(name);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('PARTITION_UNKNOWN');
    },
  );
});

describe('browserSessionConfigFor', () => {
  it('computes the partition and clears in-memory sessions on exit', () => {
    expect(
      browserSessionConfigFor(
        { id: 'work' },
        { id: 'gh', isolation: 'isolated', persistSession: false, clearOnExit: false },
      ),
    ).toEqual({
      workspaceId: 'work',
      serviceId: 'gh',
      sessionPartition: 'svc-gh',
      persistSession: false,
      clearOnExit: true,
    });
    expect(
      browserSessionConfigFor(
        { id: 'work' },
        { id: 'gh', isolation: 'shared', persistSession: true, clearOnExit: false },
      ).clearOnExit,
    ).toBe(false);
  });
});
