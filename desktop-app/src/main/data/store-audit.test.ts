import { describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { auditEventsForStoreNotices } from './store-audit';

const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  workspaces: [
    { id: 'w1', name: 'Work', createdAt: '2026-11-24T10:00:00.000Z' },
    { id: 'w2', name: 'Home', createdAt: '2026-11-24T10:00:00.000Z' },
  ],
});

describe('auditEventsForStoreNotices', () => {
  it('records a conversion in every workspace trail, with its steps', () => {
    const events = auditEventsForStoreNotices(
      [
        {
          code: 'STORE_MIGRATED',
          level: 'info',
          message: 'm',
          details: { fromVersion: 0, steps: ['add colours'] },
        },
      ],
      store,
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'data_migrated',
        workspaceId: 'w1',
        metadata: { fromVersion: 0, steps: ['add colours'], toVersion: 1 },
      }),
      expect.objectContaining({ type: 'data_migrated', workspaceId: 'w2' }),
    ]);
  });

  it('records recoveries as high severity and ignores other notices', () => {
    const events = auditEventsForStoreNotices(
      [
        {
          code: 'STORE_RECOVERED',
          level: 'warning',
          message: 'm',
          details: { quarantinePath: 'x' },
        },
        { code: 'STORE_RESTORED_FROM_SNAPSHOT', level: 'warning', message: 'm', details: {} },
        { code: 'STORE_UNWRITABLE', level: 'error', message: 'm', details: {} },
      ],
      { workspaces: [store.workspaces[0]!] },
    );
    expect(events.map((event) => [event.type, event.severity, event.action])).toEqual([
      ['store_recovered', 'high', 'salvage a damaged workspaces file'],
      ['store_recovered', 'high', 'restore the last good snapshot'],
    ]);
  });
});
