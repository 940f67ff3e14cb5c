import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiredBackups, scheduledBackupDue } from './backup-retention';

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
