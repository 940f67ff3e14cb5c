import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, render, screen, waitFor } from '@testing-library/react-native';
import { AppState, Text } from 'react-native';
import type { AppStateStatus } from 'react-native';
import { LicenseManager, newLicenseRecord } from '@flowdesk/shared/licensing';
import type { LicenseSnapshot } from '@flowdesk/shared/licensing';
import { memoryLicenseSecrets } from '@flowdesk/shared/licensing/testing';
import { WorkspacesProvider } from '../state/workspaces-provider';
import { WORKSPACES_DOCUMENT, WorkspaceRepository } from '../storage/workspace-repository';
import { memoryStorage } from '../storage/memory-storage.test-support';
import { LicenseProvider, useLicense } from './license-provider';
import type { LicenseView } from './license-provider';
import type { MobileLicensing } from './mobile-licensing';

const createdAt = '2026-12-01T10:00:00.000Z';
const service = (id: string) => ({
  id,
  type: 'slack',
  name: `Slack ${id}`,
  url: 'https://acme.slack.com/',
  createdAt,
});
// Three workspaces, the first with seven services: over Free's 2 workspaces and 6 services.
const document = JSON.stringify({
  schemaVersion: 1,
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt,
      services: [1, 2, 3, 4, 5, 6, 7].map((n) => service(`a${n}`)),
    },
    { id: 'w2', name: 'Home', createdAt, services: [service('b1')] },
    { id: 'w3', name: 'Club', createdAt, services: [service('c1')] },
  ],
});

/** A real manager, unlicensed, talking to nobody. */
function unlicensedManager(onChange: (snapshot: LicenseSnapshot) => void) {
  const never = () => Promise.reject(new Error('offline'));
  return new LicenseManager({
    client: { startDeviceLink: never, waitForApproval: never, refresh: never, deactivate: never },
    verification: { keys: { keys: [] }, issuer: 'https://flowdesk.example' },
    device: {
      deviceFingerprintHash: 'f'.repeat(64),
      deviceName: 'Ana’s iPhone',
      platform: 'ios',
      appVersion: '0.1.0',
    },
    secrets: memoryLicenseSecrets(),
    recordFile: { read: () => JSON.stringify(newLicenseRecord(Date.now())), write: () => {} },
    openExternal: () => Promise.resolve({ ok: true, value: null }),
    audit: () => {},
    onChange,
  });
}

let view: LicenseView;
function Probe() {
  view = useLicense();
  return <Text>{view.loading ? 'reading' : (view.snapshot?.state.status ?? 'off')}</Text>;
}

function renderWith(
  start: (onChange: (snapshot: LicenseSnapshot) => void) => Promise<MobileLicensing>,
) {
  const { storage } = memoryStorage({ [WORKSPACES_DOCUMENT]: document });
  return render(
    <WorkspacesProvider repository={new WorkspaceRepository(storage)}>
      <LicenseProvider start={start}>
        <Probe />
      </LicenseProvider>
    </WorkspacesProvider>,
  );
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the license every screen sees', () => {
  it('locks what Free does not allow, keeps it all, and follows the manager', async () => {
    let manager: LicenseManager | undefined;
    renderWith(async (onChange) => {
      manager = unlicensedManager(onChange);
      await manager.start();
      return {
        kind: 'on',
        manager,
        siteUrl: 'https://flowdesk.example',
        deviceName: 'Ana’s iPhone',
      };
    });
    await screen.findByText('unlicensed');
    await waitFor(() => expect(view.locks.workspaceIds).toEqual(['w3']));
    expect(view.locks.serviceIds).toEqual(['a7', 'c1']);
    expect(view).toMatchObject({
      available: true,
      deviceName: 'Ana’s iPhone',
      manageUrl: 'https://flowdesk.example/dashboard',
    });
    // A sign-in that cannot start is said, through the manager.
    let started: Awaited<ReturnType<LicenseView['startSignIn']>> | undefined;
    await act(async () => {
      started = await view.startSignIn();
    });
    expect(started?.ok ? 'started' : started?.error.code).toBe('LICENSE_SIGN_IN_FAILED');
    const stop = jest.spyOn(manager!, 'stop');
    screen.unmount();
    expect(stop).toHaveBeenCalled();
  });

  it('runs a check that fell due while the app was in the background when it comes back', async () => {
    const listeners: ((state: AppStateStatus) => void)[] = [];
    jest.spyOn(AppState, 'addEventListener').mockImplementation((_type, listener) => {
      listeners.push(listener);
      return { remove: () => {} };
    });
    let manager: LicenseManager | undefined;
    renderWith(async (onChange) => {
      manager = unlicensedManager(onChange);
      await manager.start();
      return { kind: 'on', manager, siteUrl: 'https://flowdesk.example', deviceName: 'x' };
    });
    await screen.findByText('unlicensed');
    const reschedule = jest.spyOn(manager!, 'reschedule');
    act(() => listeners.forEach((listener) => listener('background')));
    expect(reschedule).not.toHaveBeenCalled();
    act(() => listeners.forEach((listener) => listener('active')));
    expect(reschedule).toHaveBeenCalledTimes(1);
  });

  it('limits nothing in a build without licensing, and says so when asked to sign in', async () => {
    renderWith(() =>
      Promise.resolve({ kind: 'off', reason: 'This build has no pinned license keys.' }),
    );
    await screen.findByText('off');
    expect(view).toMatchObject({
      available: false,
      offReason: 'This build has no pinned license keys.',
      locks: { workspaceIds: [], serviceIds: [] },
    });
    const started = await view.startSignIn();
    expect(started.ok ? 'started' : started.error.code).toBe('LICENSING_NOT_AVAILABLE');
    const out = await view.signOut();
    expect(out.ok ? 'out' : out.error.code).toBe('LICENSING_NOT_AVAILABLE');
    await view.checkNow();
    view.cancelSignIn();
  });

  it('keeps the app running when licensing cannot start', async () => {
    renderWith(() => Promise.reject(new Error('secure storage is unavailable')));
    await screen.findByText('off');
    expect(view.offReason).toBe('Licensing could not start: secure storage is unavailable');
  });

  it('stops a manager that finished starting after the app left', async () => {
    let finish: (licensing: MobileLicensing) => void = () => {};
    const manager = unlicensedManager(() => {});
    const stop = jest.spyOn(manager, 'stop');
    renderWith(
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    );
    await screen.findByText('reading');
    screen.unmount();
    finish({ kind: 'on', manager, siteUrl: 'https://flowdesk.example', deviceName: 'x' });
    await waitFor(() => expect(stop).toHaveBeenCalled());
  });
});

describe('useLicense', () => {
  it('needs a provider', () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Probe />)).toThrow('useLicense needs a LicenseProvider');
  });
});
