import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../http/api-error';

const clerk = vi.hoisted(() => ({ configuration: { status: 'missing' }, auth: vi.fn() }));
vi.mock('@clerk/nextjs/server', () => ({ auth: clerk.auth }));
vi.mock('../server/clerk-settings', () => ({
  get clerkConfiguration() {
    return clerk.configuration;
  },
}));

const { consoleSession, runAdmin } = await import('./console-session');
const database = () => Promise.resolve({} as never);

beforeEach(() => clerk.auth.mockReset());

describe('the admin console session', () => {
  it('is nobody without accounts, and Clerk is not asked', async () => {
    expect(await consoleSession()).toBeUndefined();
    expect(await runAdmin(database, () => Promise.resolve('never'))).toMatchObject({
      code: 'SIGNED_OUT',
    });
    expect(clerk.auth).not.toHaveBeenCalled();
  });

  it('carries the organization claims, and turns refusals into results the page shows', async () => {
    clerk.configuration = { status: 'configured' };
    clerk.auth.mockResolvedValue({
      userId: 'user_1',
      orgId: 'org_1',
      orgRole: 'org:member',
      orgPermissions: ['org:audit:read'],
    });
    expect(await runAdmin(database, (_db, session) => Promise.resolve(session))).toEqual({
      ok: true,
      value: {
        userId: 'user_1',
        orgId: 'org_1',
        orgRole: 'org:member',
        orgPermissions: ['org:audit:read'],
      },
    });
    expect(
      await runAdmin(database, () =>
        Promise.reject(
          apiError(400, 'POLICY_INVALID', 'Use a version like 1.4.0.', {
            field: 'rules.0.version',
          }),
        ),
      ),
    ).toEqual({
      ok: false,
      code: 'POLICY_INVALID',
      message: 'Use a version like 1.4.0.',
      field: 'rules.0.version',
    });
    expect(
      await runAdmin(database, () => Promise.reject(new TypeError('internal detail'))),
    ).toEqual({ ok: false, code: 'ADMIN_ACTION_FAILED', message: 'That did not work. Try again.' });
    clerk.auth.mockResolvedValue({ userId: null });
    expect(await consoleSession()).toBeUndefined();
    clerk.auth.mockResolvedValue({ userId: 'user_2' });
    expect(await consoleSession()).toEqual({ userId: 'user_2', orgPermissions: [] });
  });
});
