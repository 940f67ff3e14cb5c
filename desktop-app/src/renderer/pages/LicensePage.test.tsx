// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FlowDeskError } from '@flowdesk/shared/core';
import {
  LicenseManager,
  generateLicenseSigningKey,
  signLicenseToken,
} from '@flowdesk/shared/licensing';
import type {
  DeviceLink,
  IssuedLicense,
  LicenseSigningKey,
  LicenseSnapshot,
  Plan,
} from '@flowdesk/shared/licensing';
import { memoryLicenseSecrets } from '@flowdesk/shared/licensing/testing';
import { renderWithBackend } from '../test-support';
import { licenseBannerText } from '../state/license-banner';
import { LicensePage } from './LicensePage';

const ISSUER = 'https://flowdesk.example';
const FPH = 'f'.repeat(64);
let key: LicenseSigningKey;
beforeAll(async () => {
  key = await generateLicenseSigningKey('k1');
});
afterEach(cleanup);

const token = (plan: Plan) =>
  signLicenseToken(
    {
      sub: 'user_1',
      lic: 'lic_1',
      plan,
      features: [],
      seats: 1,
      device: { fph: FPH, aid: 'act_1' },
      checks: { interval: 86_400, grace: 14 * 86_400 },
      org: { id: 'org_1', name: 'Acme' },
    },
    { key, issuer: ISSUER, lifetimeSeconds: 15 * 86_400, tokenId: `lt_${plan}` },
  );

const link: DeviceLink = {
  deviceCode: 'd'.repeat(43),
  userCode: 'BCDF-GHJK',
  verificationUri: `${ISSUER}/activate`,
  verificationUriComplete: `${ISSUER}/activate?code=BCDF-GHJK`,
  expiresIn: 900,
  interval: 5,
};

/** The License page over a real license manager whose website is a stand-in the test drives. */
function open() {
  let approve: (issued: IssuedLicense) => void = () => undefined;
  const website = {
    deactivated: [] as string[],
    refreshWith: 'pro' as Plan,
    approve: (issued: IssuedLicense) => approve(issued),
  };
  const rendered = renderWithBackend(<LicensePage />, {
    licenseManagerFor: (onChange: (snapshot: LicenseSnapshot) => void) => {
      const manager = new LicenseManager({
        client: {
          startDeviceLink: () => Promise.resolve(link),
          waitForApproval: (_link, options) =>
            new Promise((resolve, reject) => {
              approve = resolve;
              options?.signal?.addEventListener('abort', () =>
                reject(new FlowDeskError('OPERATION_CANCELLED', 'Cancelled.')),
              );
            }),
          refresh: async () => ({ licenseToken: await token(website.refreshWith) }),
          deactivate: (activationId) => {
            website.deactivated.push(activationId);
            return Promise.resolve();
          },
        },
        verification: { keys: { keys: [key.publicJwk] }, issuer: ISSUER },
        device: {
          deviceFingerprintHash: FPH,
          deviceName: 'Work laptop',
          platform: 'linux',
          appVersion: '1.0.0',
        },
        secrets: memoryLicenseSecrets(),
        recordFile: { read: () => undefined, write: () => undefined },
        openExternal: () => Promise.resolve({ ok: true, value: null }),
        audit: () => undefined,
        onChange,
      });
      void manager.start();
      return manager;
    },
  });
  return { ...rendered, website };
}

describe('LicensePage', () => {
  it('signs in with a code, shows the plan, checks, and signs out', async () => {
    const user = userEvent.setup();
    const { website } = open();
    expect((await screen.findByTestId('license-state')).textContent).toMatch(/^Free/);
    expect(screen.getByText('2 workspaces, 6 services each')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Sign in…' }));
    expect((await screen.findByTestId('user-code')).textContent).toBe('BCDF-GHJK');
    expect(screen.getByText(/Waiting for the approval in your browser/)).toBeTruthy();

    website.approve({
      licenseToken: await token('pro'),
      deviceSecret: 's'.repeat(43),
      activationId: 'act_1',
    });
    await waitFor(() => expect(screen.getByTestId('license-state').textContent).toBe('Active'));
    expect(screen.getByTestId('license-plan').textContent).toContain('Pro');
    expect(screen.getByText('Acme')).toBeTruthy();
    expect(screen.getByText('No limits')).toBeTruthy();
    expect(screen.queryByTestId('user-code')).toBeNull();

    website.refreshWith = 'team';
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(screen.getByTestId('license-plan').textContent).toContain('Team'));

    await user.click(screen.getByRole('button', { name: 'Sign out this computer' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out this computer' }));
    await waitFor(() => expect(screen.getByTestId('license-state').textContent).toMatch(/^Free/));
    expect(website.deactivated).toEqual(['act_1']);
  });

  it('cancels a sign-in waiting for approval', async () => {
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Sign in…' }));
    await screen.findByTestId('user-code');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('user-code')).toBeNull());
    expect(screen.getByRole('button', { name: 'Sign in…' })).toBeTruthy();
  });

  it('says licensing is off in a build without keys', async () => {
    renderWithBackend(<LicensePage />);
    expect(await screen.findByText(/Licensing is off in this build/)).toBeTruthy();
  });
});

describe('the license banner', () => {
  const base = {
    plan: 'free' as const,
    features: [],
    limits: { maxWorkspaces: 2, maxServicesPerWorkspace: 6 },
    locked: { workspaceIds: [], serviceIds: [] },
    clockRollback: false,
    deviceName: 'Laptop',
    secureStorage: true,
    available: true,
  };
  it('speaks up in grace (days left), after expiry and after a revocation, and not otherwise', () => {
    expect(licenseBannerText({ ...base, state: 'grace', plan: 'pro', daysLeft: 3 })).toMatch(
      /3 more days/,
    );
    expect(licenseBannerText({ ...base, state: 'expired' })).toMatch(/Free limits apply/);
    expect(licenseBannerText({ ...base, state: 'revoked' })).toMatch(/signed out/);
    expect(licenseBannerText({ ...base, state: 'active' })).toBeUndefined();
    expect(licenseBannerText({ ...base, state: 'expired', available: false })).toBeUndefined();
    expect(licenseBannerText(undefined)).toBeUndefined();
  });
});
