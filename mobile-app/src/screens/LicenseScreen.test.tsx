import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { NOW, licenseView, snapshotIn } from '../licensing/license-views.test-support';
import type { Scenario } from '../licensing/license-views.test-support';
import { LicenseScreen } from './LicenseScreen';

const show = (view: ReturnType<typeof licenseView>, openWebsite = jest.fn()) => {
  render(<LicenseScreen license={view} openWebsite={openWebsite} now={NOW} />);
  return openWebsite;
};

describe('the license screen', () => {
  it.each<[Scenario, string, string, string | undefined, string]>([
    [
      'unlicensed',
      'Free',
      'Free: no Flow Desk account is signed in on this phone.',
      undefined,
      'Sign in…',
    ],
    ['active', 'Pro', 'Active', undefined, 'Check now'],
    [
      'grace',
      'Pro',
      'Active, but not checked recently',
      'Your plan stays for 12 more days',
      'Check now',
    ],
    [
      'expired',
      'Free (your Pro license no longer applies)',
      'Lapsed: Free limits apply until the license is checked again',
      'Free limits apply. Nothing is deleted',
      'Check now',
    ],
    [
      'revoked',
      'Free (your Pro license no longer applies)',
      'Signed out on the website: Free limits apply',
      'This phone was signed out of its Flow Desk account',
      'Sign in…',
    ],
  ])(
    'shows the %s state: plan %j, status, notice and the action that fits',
    (scenario, plan, status, notice, action) => {
      show(licenseView(snapshotIn(scenario)));
      expect(screen.getByLabelText(`Plan: ${plan}`)).toBeTruthy();
      expect(screen.getByLabelText(`Status: ${status}`)).toBeTruthy();
      const alerts = screen.queryAllByRole('alert').map((alert) => String(alert.props.children));
      if (notice) expect(alerts.join(' ')).toContain(notice);
      else expect(alerts).toEqual([]);
      expect(screen.getByRole('button', { name: action })).toBeTruthy();
      // Signing out is offered only to a phone that is signed in.
      const signedIn = scenario !== 'unlicensed' && scenario !== 'revoked';
      expect(screen.queryByRole('button', { name: 'Sign out…' }) !== null).toBe(signedIn);
    },
  );

  it('shows the days the plan is kept offline, the organization, the phone and the checks', () => {
    show(licenseView(snapshotIn('grace', { organization: 'Acme' })));
    expect(screen.getByLabelText('Plan kept offline for: 12 more days')).toBeTruthy();
    expect(screen.getByLabelText('Through: Acme')).toBeTruthy();
    expect(screen.getByLabelText('This phone: Ana’s iPhone')).toBeTruthy();
    expect(screen.getByText('Last checked')).toBeTruthy();
    expect(screen.getByLabelText(/^Next check: today at/)).toBeTruthy();
  });

  it('says what is locked, and that nothing is deleted', () => {
    show(
      licenseView(snapshotIn('expired'), {
        locks: { workspaceIds: ['w2'], serviceIds: ['s4', 's5', 's6'] },
      }),
    );
    expect(
      screen.getByText(
        '1 workspace and 3 services are locked: kept as they are, and back when the license is.',
      ),
    ).toBeTruthy();
  });

  it('explains a build without licensing, and waits while the license is read', () => {
    show(licenseView(undefined, { offReason: 'This build has no pinned license keys.' }));
    expect(screen.getByText(/Licensing is off in this build/)).toBeTruthy();
    expect(screen.getByText('This build has no pinned license keys.')).toBeTruthy();
    screen.unmount();
    show(licenseView(undefined, { loading: true }));
    expect(screen.getByLabelText('Reading your license')).toBeTruthy();
  });

  it('signs in: the code to enter, the page opened again on request, and cancel', async () => {
    const unlicensed = licenseView(snapshotIn('unlicensed'));
    show(unlicensed);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in…' }));
    expect(unlicensed.startSignIn).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in…' })).toBeTruthy());
    screen.unmount();

    const waiting = licenseView(
      snapshotIn('unlicensed', {
        signIn: {
          userCode: 'BCDF-GHJK',
          verificationUri: 'https://flowdesk.example/activate',
          expiresAt: NOW + 15 * 60_000,
        },
      }),
    );
    const openWebsite = show(waiting);
    expect(screen.getByLabelText('Code BCDF-GHJK')).toBeTruthy();
    expect(screen.getByLabelText('Waiting for your approval')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in…' })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'Open the sign-in page again' }));
    expect(openWebsite).toHaveBeenCalledWith('https://flowdesk.example/activate');
    fireEvent.press(screen.getByRole('button', { name: 'Cancel' }));
    expect(waiting.cancelSignIn).toHaveBeenCalledTimes(1);
  });

  it('says why a sign-in did not start', async () => {
    const view = licenseView(snapshotIn('unlicensed'), {
      startSignIn: () =>
        Promise.resolve({
          ok: false as const,
          error: Object.assign(new Error('Signing in did not start. Try again.'), {
            code: 'LICENSE_SIGN_IN_FAILED',
          }) as never,
        }),
    });
    show(view);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in…' }));
    expect(await screen.findByText('Signing in did not start. Try again.')).toBeTruthy();
  });

  it('checks now, showing that it is checking until the answer', async () => {
    let finish = () => {};
    const view = licenseView(snapshotIn('active'), {
      checkNow: jest.fn(
        () =>
          new Promise<void>((resolve) => {
            finish = resolve;
          }),
      ),
    });
    show(view);
    fireEvent.press(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('button', { name: 'Checking…' })).toBeTruthy();
    finish();
    expect(await screen.findByRole('button', { name: 'Check now' })).toBeTruthy();
  });

  it('signs out only once confirmed, and says whether the website was told', async () => {
    const view = licenseView(snapshotIn('active'));
    const openWebsite = show(view);
    fireEvent.press(screen.getByRole('button', { name: 'Sign out…' }));
    expect(screen.getByText(/Your workspaces stay; Free’s limits apply/)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Keep signed in' }));
    expect(view.signOut).not.toHaveBeenCalled();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out…' }));
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(
      await screen.findByText('Signed out. This phone no longer uses a seat of your license.'),
    ).toBeTruthy();
    expect(view.signOut).toHaveBeenCalledTimes(1);
    fireEvent.press(screen.getByRole('button', { name: 'Devices and billing on the website' }));
    expect(openWebsite).toHaveBeenCalledWith('https://flowdesk.example/dashboard');
  });

  it('shows the manager’s problem, a clock set back and storage that cannot keep the sign-in', () => {
    show(
      licenseView(
        snapshotIn('active', {
          problem: { code: 'LICENSE_CHECK_FAILED', message: 'The license could not be checked.' },
          secureStorage: false,
        }),
      ),
    );
    expect(screen.getByText('The license could not be checked.')).toBeTruthy();
    expect(screen.getByText(/secure storage could not keep the sign-in/)).toBeTruthy();
    screen.unmount();
    const rolledBack = snapshotIn('active');
    show(licenseView({ ...rolledBack, state: { ...rolledBack.state, clockRollback: true } }));
    expect(screen.getByText(/clock was set back/)).toBeTruthy();
  });
});
