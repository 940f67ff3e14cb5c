import { beforeEach, describe, expect, it, vi } from 'vitest';

const clerk = vi.hoisted(() => ({
  configuration: { status: 'missing' },
  auth: vi.fn(),
  protect: vi.fn(),
}));

vi.mock('@clerk/nextjs/server', () => ({
  auth: Object.assign(clerk.auth, { protect: clerk.protect }),
}));
vi.mock('../server/clerk-settings', () => ({
  get clerkConfiguration() {
    return clerk.configuration;
  },
}));

const { actionUserId, signedInUserId } = await import('./session');

beforeEach(() => {
  clerk.auth.mockReset();
  clerk.protect.mockReset();
});

describe('the signed-in user of an account page', () => {
  it('is nobody, and Clerk is never called, when accounts are not configured', async () => {
    clerk.configuration = { status: 'missing' };
    expect(await signedInUserId()).toBeUndefined();
    expect(await actionUserId()).toBeUndefined();
    clerk.configuration = { status: 'invalid' };
    expect(await signedInUserId()).toBeUndefined();
    expect(clerk.auth).not.toHaveBeenCalled();
    expect(clerk.protect).not.toHaveBeenCalled();
  });

  it('comes from Clerk’s session when configured; a signed-out action caller is nobody', async () => {
    clerk.configuration = { status: 'configured' };
    clerk.protect.mockResolvedValue({ userId: 'user_1' });
    expect(await signedInUserId()).toBe('user_1');
    clerk.auth.mockResolvedValueOnce({ userId: 'user_2' }).mockResolvedValueOnce({ userId: null });
    expect(await actionUserId()).toBe('user_2');
    expect(await actionUserId()).toBeUndefined();
  });
});
