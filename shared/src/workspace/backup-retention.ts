/**
 * Which backups to keep (issue 5: scheduled backups with retention): scheduled ones by count,
 * safety snapshots taken before a restore or a migration by age, and manual ones always, since
 * the user made them on purpose.
 */

export const SCHEDULED_RETENTION = 'scheduled';
export const SAFETY_RETENTION = 'safety-snapshot';
/** Safety snapshots older than this go, but the newest one always stays. */
export const SAFETY_SNAPSHOT_DAYS = 14;

export interface RetainedBackup {
  id: string;
  /** ISO 8601. */
  timestamp: string;
  retentionPolicy: string;
  /** The backup an incremental one builds on: kept as long as anything built on it is. */
  parentId?: string;
}

/** The ids of backups the retention rules let go, given how many scheduled ones to keep. */
export function expiredBackups(
  backups: readonly RetainedBackup[],
  keepScheduled: number,
  now: Date,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  const scheduled = newestFirst.filter((backup) => backup.retentionPolicy === SCHEDULED_RETENTION);
  const safety = newestFirst.filter((backup) => backup.retentionPolicy === SAFETY_RETENTION);
  const cutoff = now.getTime() - SAFETY_SNAPSHOT_DAYS * 24 * 60 * 60 * 1000;
  const expired = new Set(
    [
      ...scheduled.slice(Math.max(1, keepScheduled)),
      ...safety.slice(1).filter((backup) => Date.parse(backup.timestamp) < cutoff),
    ].map((backup) => backup.id),
  );
  // A kept incremental backup cannot be restored without every backup under it.
  const byId = new Map(backups.map((backup) => [backup.id, backup]));
  for (const backup of backups) {
    if (expired.has(backup.id)) continue;
    const seen = new Set<string>();
    for (let parent = backup.parentId; parent && !seen.has(parent);) {
      seen.add(parent);
      expired.delete(parent);
      parent = byId.get(parent)?.parentId;
    }
  }
  return newestFirst.filter((backup) => expired.has(backup.id)).map((backup) => backup.id);
}

/** Full or incremental: how many backups the chain ending at `backupId` holds (1 for a full one). */
export function backupChainLength(backups: readonly RetainedBackup[], backupId: string): number {
  const byId = new Map(backups.map((backup) => [backup.id, backup]));
  const seen = new Set<string>();
  for (let id: string | undefined = backupId; id && byId.has(id) && !seen.has(id);) {
    seen.add(id);
    id = byId.get(id)?.parentId;
  }
  return seen.size;
}

/** Whether a scheduled backup is due: none yet, or the last is `intervalHours` old. */
export function scheduledBackupDue(
  backups: readonly RetainedBackup[],
  intervalHours: number,
  now: Date,
): boolean {
  const last = backups
    .filter((backup) => backup.retentionPolicy === SCHEDULED_RETENTION)
    .map((backup) => Date.parse(backup.timestamp))
    .filter((time) => Number.isFinite(time))
    .sort((a, b) => b - a)[0];
  // A clock moved back (a last backup "in the future") also makes one due, rather than none for days.
  return (
    last === undefined || now.getTime() - last >= intervalHours * 3_600_000 || last > now.getTime()
  );
}
