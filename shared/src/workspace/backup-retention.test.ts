import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupChainLength, expiredBackups, scheduledBackupDue } from './backup-retention';

const now = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('expiredBackups', () => {
  it('keeps the newest scheduled backups, every manual one, and recent safety snapshots', () => {
    const backups = [
      { id: 's1', timestamp: daysAgo(1), retentionPolicy: 'scheduled' },
      { id: 's2', timestamp: daysAgo(2), retentionPolicy: 'scheduled' },
      { id: 's3', timestamp: daysAgo(3), retentionPolicy: 'scheduled' },
      { id: 'm1', timestamp: daysAgo(400), retentionPolicy: 'manual' },
      { id: 'x1', timestamp: daysAgo(20), retentionPolicy: 'safety-snapshot' },
      { id: 'x2', timestamp: daysAgo(30), retentionPolicy: 'safety-snapshot' },
      { id: 'x3', timestamp: daysAgo(2), retentionPolicy: 'safety-snapshot' },
    ];
    expect(expiredBackups(backups, 2, now).sort()).toEqual(['s3', 'x1', 'x2']);
    // The newest safety snapshot stays however old it is; at least one scheduled backup stays.
    expect(
      expiredBackups(
        [
          { id: 'x9', timestamp: daysAgo(90), retentionPolicy: 'safety-snapshot' },
          { id: 's9', timestamp: daysAgo(1), retentionPolicy: 'scheduled' },
        ],
        0,
        now,
      ),
    ).toEqual([]);
  });

  it('never lets a manual backup go, and keeps exactly the newest N scheduled ones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.uuid(),
            timestamp: fc.integer({ min: 0, max: 1000 }).map((d) => daysAgo(d)),
            retentionPolicy: fc.constantFrom('scheduled', 'manual', 'safety-snapshot'),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 10 }),
        (backups, keep) => {
          const expired = new Set(expiredBackups(backups, keep, now));
          const scheduled = backups.filter((b) => b.retentionPolicy === 'scheduled');
          const kept = scheduled.filter((b) => !expired.has(b.id));
          return (
            backups.every((b) => b.retentionPolicy !== 'manual' || !expired.has(b.id)) &&
            kept.length === Math.min(keep, scheduled.length)
          );
        },
      ),
    );
  });
});

describe('incremental chains', () => {
  const chain = [
    { id: 'f1', timestamp: daysAgo(5), retentionPolicy: 'scheduled' },
    { id: 'i1', timestamp: daysAgo(4), retentionPolicy: 'scheduled', parentId: 'f1' },
    { id: 'i2', timestamp: daysAgo(3), retentionPolicy: 'scheduled', parentId: 'i1' },
    { id: 'f2', timestamp: daysAgo(2), retentionPolicy: 'scheduled' },
    { id: 'i3', timestamp: daysAgo(1), retentionPolicy: 'scheduled', parentId: 'f2' },
  ];

  it('keeps every backup a kept incremental one builds on', () => {
    // Keep 1: i3 stays, and with it f2; the older chain goes, newest first.
    expect(expiredBackups(chain, 1, now)).toEqual(['i2', 'i1', 'f1']);
    // Keep 3: i2 stays, so i1 and f1 under it stay too.
    expect(expiredBackups(chain, 3, now)).toEqual([]);
  });

  it('counts a chain, and survives a loop or a missing parent', () => {
    expect(backupChainLength(chain, 'i2')).toBe(3);
    expect(backupChainLength(chain, 'f2')).toBe(1);
    expect(backupChainLength(chain, 'nope')).toBe(0);
    const looped = [
      { id: 'a', timestamp: daysAgo(1), retentionPolicy: 'manual', parentId: 'b' },
      { id: 'b', timestamp: daysAgo(2), retentionPolicy: 'manual', parentId: 'a' },
      { id: 'c', timestamp: daysAgo(3), retentionPolicy: 'manual', parentId: 'gone' },
    ];
    expect(backupChainLength(looped, 'a')).toBe(2);
    expect(backupChainLength(looped, 'c')).toBe(1);
    expect(expiredBackups(looped, 1, now)).toEqual([]);
  });
});

describe('scheduledBackupDue', () => {
  it('is due without a scheduled backup, or once the interval has passed', () => {
    expect(scheduledBackupDue([], 24, now)).toBe(true);
    const manualOnly = [{ id: 'm', timestamp: daysAgo(0), retentionPolicy: 'manual' }];
    expect(scheduledBackupDue(manualOnly, 24, now)).toBe(true);
    const recent = [{ id: 's', timestamp: daysAgo(0.5), retentionPolicy: 'scheduled' }];
    expect(scheduledBackupDue(recent, 24, now)).toBe(false);
    expect(scheduledBackupDue(recent, 6, now)).toBe(true);
    const future = [{ id: 's', timestamp: daysAgo(-3), retentionPolicy: 'scheduled' }];
    expect(scheduledBackupDue(future, 24, now)).toBe(true);
  });
});
