import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { waitFor } from '@testing-library/react-native';
import type { LicenseManager, LicenseSnapshot } from '@flowdesk/shared/licensing';
import { memorySecureStore } from '../platform/memory-secure-store.test-support';
import { SITE, fakeWebsite } from './license-website.test-support';
import { openOnSite, startMobileLicensing } from './mobile-licensing';
import type { MobileLicensingOptions } from './mobile-licensing';

jest.mock('expo-crypto', () => jest.requireActual('../platform/web-crypto-expo.test-support'));
jest.mock('expo-constants', () => ({
  __esModule: true,
  default: { deviceName: 'Ana’s iPhone', expoConfig: { version: '0.1.0' } },
}));

/** Every manager a test started, stopped after it whether it passed or not. */
const running: LicenseManager[] = [];
afterEach(() => {
  running.splice(0).forEach((manager) => manager.stop());
});

/** One phone: its secure storage and license file, kept across app launches. */
function phone() {
  const secure = memorySecureStore();
  const file: { text?: string } = {};
  const opened: string[] = [];
  const snapshots: LicenseSnapshot[] = [];
  const launch = (overrides: Partial<MobileLicensingOptions> = {}) =>
    startMobileLicensing({
      settings: {},
      development: false,
      store: secure.store,
      recordFile: {
        read: () => file.text,
        write: (text) => {
          file.text = text;
        },
      },
      openUrl: (url) => {
        opened.push(url);
        return Promise.resolve(true);
      },
      onChange: (snapshot) => snapshots.push(snapshot),
      ...overrides,
    }).then((licensing) => {
      if (licensing.kind === 'on') running.push(licensing.manager);
      return licensing;
    });
  return { secure, file, opened, snapshots, launch };
}

describe('the phone’s license', () => {
  it('is off, saying why, in a build without license keys', async () => {
    const licensing = await phone().launch();
    expect(licensing).toEqual({ kind: 'off', reason: 'This build has no pinned license keys.' });
  });

  it('signs in by device link in the system browser, keeps it in secure storage, and survives a restart offline', async () => {
    const website = await fakeWebsite();
    const device = phone();
    const settings = { siteUrl: SITE, publicKeys: website.publicKeys };
    const first = await device.launch({ settings, fetch: website.fetch });
    if (first.kind !== 'on') throw new Error(first.reason);
    expect(first.manager.snapshot().state.status).toBe('unlicensed');
    expect(first.deviceName).toBe('Ana’s iPhone');

    const started = await first.manager.startSignIn();
    expect(started).toMatchObject({ ok: true, value: { userCode: 'BCDF-GHJK' } });
    expect(device.opened).toEqual([`${SITE}/activate?code=BCDF-GHJK`]);
    expect(website.device()).toMatchObject({
      deviceName: 'Ana’s iPhone',
      platform: 'ios',
      appVersion: '0.1.0',
      deviceFingerprintHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    website.approve('team');
    await waitFor(() => expect(first.manager.snapshot().state.status).toBe('active'), {
      timeout: 5000,
    });
    expect(first.manager.snapshot().state.effectivePlan).toBe('team');
    // Only the hash left the phone: the id itself stays in secure storage.
    const id = device.secure.entries.get('flowdesk.device-id');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(website.requests)).not.toContain(id);
    expect(JSON.parse(device.secure.entries.get('flowdesk.license.credentials')!)).toMatchObject({
      activationId: 'act_1',
    });
    expect(JSON.parse(device.file.text!)).toHaveProperty('lastCheckAt');
    first.manager.stop();

    // The next launch has no network: the stored license still applies, checked offline.
    website.refreshWith('offline');
    const second = await device.launch({ settings, fetch: website.fetch });
    if (second.kind !== 'on') throw new Error(second.reason);
    expect(second.manager.snapshot().state).toMatchObject({
      status: 'active',
      effectivePlan: 'team',
    });
    // The same device: its fingerprint did not change between launches.
    await second.manager.checkNow();
    const refresh = website.requests.at(-1)!;
    expect(refresh.path).toBe('/api/v1/licenses/refresh');
    expect((refresh.body as { deviceFingerprintHash: string }).deviceFingerprintHash).toBe(
      website.device()?.deviceFingerprintHash,
    );
    expect(second.manager.snapshot().state.status).toBe('active');

    const out = await second.manager.signOut();
    expect(out).toEqual({ ok: true, value: { deactivatedOnWebsite: true } });
    expect(website.deactivated).toEqual(['act_1']);
    await waitFor(() =>
      expect(device.secure.entries.has('flowdesk.license.credentials')).toBe(false),
    );
    expect(second.manager.snapshot().state.status).toBe('unlicensed');
    second.manager.stop();
  });

  it('checks signatures without WebCrypto, as on Hermes, and refuses a token from another key', async () => {
    const website = await fakeWebsite();
    const impostor = await fakeWebsite();
    const subtle = globalThis.crypto.subtle;
    const verify = jest.spyOn(subtle, 'verify');
    const device = phone();
    // The build pins the real website's keys; the answers come from an impostor's.
    const licensing = await device.launch({
      settings: { siteUrl: SITE, publicKeys: website.publicKeys },
      fetch: impostor.fetch,
    });
    if (licensing.kind !== 'on') throw new Error(licensing.reason);
    await licensing.manager.startSignIn();
    impostor.approve();
    await waitFor(
      () => expect(licensing.manager.snapshot().problem?.code).toBe('LICENSE_SIGNATURE_INVALID'),
      { timeout: 5000 },
    );
    expect(licensing.manager.snapshot().state.status).toBe('unlicensed');
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();
    licensing.manager.stop();
  });

  it('trusts a development website only in a development build, and is off when it cannot be read', async () => {
    const website = await fakeWebsite();
    const settings = { developmentSite: 'http://localhost:3000' };
    const development = await phone().launch({
      settings,
      development: true,
      fetch: website.fetch,
    });
    expect(development.kind).toBe('on');
    if (development.kind === 'on') {
      expect(development.siteUrl).toBe('http://localhost:3000');
      development.manager.stop();
    }
    expect((await phone().launch({ settings, fetch: website.fetch })).kind).toBe('off');
    const unreachable = await phone().launch({
      settings,
      development: true,
      fetch: () => Promise.reject(new TypeError('Network request failed')),
    });
    expect(unreachable).toMatchObject({
      kind: 'off',
      reason: expect.stringContaining('could not be read'),
    });
  });
});

describe('opening the website', () => {
  it('opens only the license website’s own pages, and says so when the browser cannot', async () => {
    const opened: string[] = [];
    const open = (url: string) => {
      opened.push(url);
      return Promise.resolve();
    };
    expect(await openOnSite(`${SITE}/activate?code=A`, SITE, open)).toEqual({
      ok: true,
      value: null,
    });
    for (const url of ['https://evil.example/activate', 'javascript:alert(1)', 'not a url']) {
      const refused = await openOnSite(url, SITE, open);
      expect(refused.ok ? 'opened' : refused.error.code).toBe('LICENSE_LINK_REFUSED');
    }
    expect(opened).toEqual([`${SITE}/activate?code=A`]);
    const broken = await openOnSite(`${SITE}/activate`, SITE, () =>
      Promise.reject(new Error('no browser')),
    );
    expect(broken.ok ? 'opened' : broken.error.code).toBe('BROWSER_UNAVAILABLE');
  });
});
