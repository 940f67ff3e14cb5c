import { describe, expect, it } from 'vitest';
import { updateHealth } from './update-health';

const base = { channel: 'stable', currentVersion: '1.0.0' } as const;

describe('updateHealth', () => {
  it('is healthy when updates work or the build is for development, degraded when off or failing', () => {
    expect(updateHealth({ ...base, phase: 'disabled', disabledReason: 'development' }).status).toBe(
      'healthy',
    );
    expect(
      updateHealth({ ...base, phase: 'disabled', disabledReason: 'setting-off' }),
    ).toMatchObject({
      status: 'degraded',
      message: expect.stringMatching(/updates are off/) as unknown,
    });
    expect(
      updateHealth({
        ...base,
        phase: 'error',
        error: { code: 'UPDATE_CHECK_FAILED', message: 'offline' },
      }),
    ).toEqual({ status: 'degraded', message: 'offline' });
    expect(updateHealth({ ...base, phase: 'ready', availableVersion: '1.1.0' }).message).toMatch(
      /1\.1\.0 is ready/,
    );
    expect(updateHealth({ ...base, phase: 'idle' }).status).toBe('healthy');
  });
});
