import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import * as SplashScreen from 'expo-splash-screen';

/**
 * The whole app through Expo Router's own test renderer: the real route files in app/, the real
 * providers, with the phone's storage, secure storage and WebView replaced by stand-ins. This
 * build has no license keys, as a development build would, so licensing is off.
 */

const mockFiles = new Map<string, string>();
jest.mock('./storage/expo-document-storage', () => ({
  expoDocumentStorage: {
    read: (name: string) => Promise.resolve(mockFiles.get(name)),
    write: (name: string, text: string) => {
      mockFiles.set(name, text);
      return Promise.resolve();
    },
  },
  expoSyncFile: (name: string) => ({
    read: () => mockFiles.get(name),
    write: (text: string) => mockFiles.set(name, text),
  }),
}));
jest.mock('expo-secure-store', () => ({
  AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 7,
  getItemAsync: () => Promise.resolve(null),
  setItemAsync: () => Promise.resolve(),
  deleteItemAsync: () => Promise.resolve(),
}));
jest.mock('expo-crypto', () => jest.requireActual('./platform/web-crypto-expo.test-support'));
jest.mock('expo-splash-screen', () => ({
  preventAutoHideAsync: jest.fn(() => Promise.resolve(true)),
  hideAsync: jest.fn(() => Promise.resolve()),
}));
/** What the build pinned (app.config.ts `extra.license`); none unless a test says so. */
const mockLicenseSettings: { value: Record<string, string> } = { value: {} };
jest.mock('expo-constants', () => ({
  __esModule: true,
  default: {
    get expoConfig() {
      // Read while Expo Router loads, before this file's variables are set.
      return { version: '0.1.0', extra: { license: mockLicenseSettings?.value ?? {} } };
    },
  },
}));
const mockWebViewUrls: string[] = [];
jest.mock('react-native-webview', () => ({
  WebView: (props: { source: { uri: string } }) => {
    mockWebViewUrls.push(props.source.uri);
    return null;
  },
}));

const createdAt = '2026-12-01T10:00:00.000Z';
const service = (id: string, name: string, url: string) => ({
  id,
  type: 'custom-template',
  name,
  url,
  createdAt,
});

// The first render compiles Expo Router and every route: slow on a cold 2-core machine.
jest.setTimeout(60_000);

beforeEach(() => {
  mockLicenseSettings.value = {};
  mockFiles.clear();
  mockWebViewUrls.length = 0;
});

describe('the app', () => {
  it('opens on an empty state, hides the splash once read, creates a workspace and adds a service', async () => {
    renderRouter('app', { initialUrl: '/' });
    expect(await screen.findByText('No workspaces yet')).toBeTruthy();
    expect(SplashScreen.hideAsync).toHaveBeenCalled();
    fireEvent.changeText(screen.getByLabelText('New workspace name'), 'Work');
    fireEvent.press(screen.getByRole('button', { name: 'Create workspace' }));
    expect(await screen.findByRole('button', { name: 'Work, 0 services' })).toBeTruthy();
    await waitFor(() => expect(mockFiles.get('workspaces.json')).toContain('"Work"'));
    // The id came from expo-crypto: Hermes has no crypto.randomUUID.
    const saved = JSON.parse(mockFiles.get('workspaces.json')!) as {
      workspaces: { id: string }[];
    };
    expect(saved.workspaces[0]?.id).toMatch(/^[0-9a-f-]{36}$/);

    // Adding a catalog service from the workspace's grid.
    fireEvent.press(screen.getByRole('button', { name: 'Work, 0 services' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Add a service' }));
    fireEvent.changeText(await screen.findByLabelText('Search the catalog'), 'GitHub');
    fireEvent.press(await screen.findByRole('button', { name: 'Add GitHub' }));
    expect(await screen.findByRole('button', { name: 'GitHub' })).toBeTruthy();
  });

  it('opens the import of the desktop export from the workspaces screen', async () => {
    renderRouter('app', { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('button', { name: 'Import from the desktop app' }));
    expect(await screen.findByRole('button', { name: 'Choose the export file' })).toBeTruthy();
  });

  it('goes from the workspaces to settings and the license, which is off in this build', async () => {
    renderRouter('app', { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.press(
      await screen.findByRole('button', { name: 'License: Off in this build: nothing is limited' }),
    );
    expect(await screen.findByText(/Licensing is off in this build of Flow Desk/)).toBeTruthy();
    expect(screen.getByText('This build has no pinned license keys.')).toBeTruthy();
  });

  it('opens a workspace, a service in its WebView, and switches with the tab bar', async () => {
    mockFiles.set(
      'workspaces.json',
      JSON.stringify({
        schemaVersion: 1,
        workspaces: [
          {
            id: 'w1',
            name: 'Work',
            createdAt,
            services: [
              service('s1', 'Tracker', 'https://tracker.example/'),
              service('s2', 'Wiki', 'https://wiki.example/'),
            ],
          },
        ],
      }),
    );
    renderRouter('app', { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('button', { name: 'Work, 2 services' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Tracker' }));
    await waitFor(() => expect(mockWebViewUrls.at(-1)).toBe('https://tracker.example/'));
    fireEvent.press(await screen.findByRole('tab', { name: 'Wiki' }));
    await waitFor(() => expect(mockWebViewUrls.at(-1)).toBe('https://wiki.example/'));
    expect(screen.getByRole('tab', { name: 'Wiki' }).props.accessibilityState).toMatchObject({
      selected: true,
    });
  });

  it('says so when a service or workspace no longer exists', async () => {
    renderRouter('app', { initialUrl: '/service/gone' });
    expect(await screen.findByText('This service no longer exists.')).toBeTruthy();
    act(() => {
      screen.unmount();
    });
    renderRouter('app', { initialUrl: '/workspace/gone' });
    expect(await screen.findByText('This workspace no longer exists.')).toBeTruthy();
  });

  it('with license keys and no sign-in, locks what Free does not allow and says how to get it back', async () => {
    mockLicenseSettings.value = {
      siteUrl: 'https://flowdesk.example',
      publicKeys: JSON.stringify({
        keys: [
          { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k1', alg: 'EdDSA', use: 'sig' },
        ],
      }),
    };
    mockFiles.set(
      'workspaces.json',
      JSON.stringify({
        schemaVersion: 1,
        workspaces: ['Work', 'Home', 'Club'].map((name, index) => ({
          id: `w${index}`,
          name,
          createdAt,
          services: [service(`s${index}`, `${name} board`, `https://${index}.example/`)],
        })),
      }),
    );
    renderRouter('app', { initialUrl: '/' });
    fireEvent.press(
      await screen.findByRole('button', { name: 'Club, 1 service, locked by your plan' }),
    );
    fireEvent.press(await screen.findByRole('button', { name: 'Club board, locked by your plan' }));
    expect(await screen.findByText(/is locked because it is over your plan’s limits/)).toBeTruthy();
    expect(mockWebViewUrls).toEqual([]);
    fireEvent.press(screen.getByRole('button', { name: 'License' }));
    expect(
      await screen.findByLabelText(
        'Status: Free: no Flow Desk account is signed in on this phone.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/1 workspace and 1 service are locked/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in…' })).toBeTruthy();
  });
});
