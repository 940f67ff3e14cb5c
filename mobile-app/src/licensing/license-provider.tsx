import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { AppState } from 'react-native';
import { FlowDeskError } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { planLocks } from '@flowdesk/shared/licensing';
import type {
  LicenseManager,
  LicenseSnapshot,
  PendingSignIn,
  PlanLocks,
} from '@flowdesk/shared/licensing';
import { useWorkspaces } from '../state/workspaces-provider';
import type { MobileLicensing } from './mobile-licensing';

/**
 * The license for every screen (issue 11): what the manager says, the services Free's limits
 * lock (kept, never deleted), and the actions. Checks that fell due while the app was in the
 * background run when it comes back, because the phone pauses the app's timers.
 */

export interface LicenseView {
  loading: boolean;
  /** False: this build has no license keys, so nothing is limited. */
  available: boolean;
  offReason?: string;
  snapshot?: LicenseSnapshot;
  deviceName?: string;
  /** The website's dashboard, where devices and billing are managed. */
  manageUrl?: string;
  locks: PlanLocks;
  startSignIn(): Promise<Result<PendingSignIn>>;
  cancelSignIn(): void;
  checkNow(): Promise<void>;
  signOut(): Promise<Result<{ deactivatedOnWebsite: boolean }>>;
}

type Started = Extract<MobileLicensing, { kind: 'on' }>;

const NO_LOCKS: PlanLocks = { workspaceIds: [], serviceIds: [] };
const LicenseContext = createContext<LicenseView | undefined>(undefined);

export function LicenseProvider({
  start,
  children,
}: {
  /** Starts licensing; onChange receives every later snapshot. */
  start: (onChange: (snapshot: LicenseSnapshot) => void) => Promise<MobileLicensing>;
  children: ReactNode;
}) {
  const { store } = useWorkspaces();
  const [licensing, setLicensing] = useState<MobileLicensing>();
  const [snapshot, setSnapshot] = useState<LicenseSnapshot>();
  const manager = useRef<LicenseManager>(undefined);

  useEffect(() => {
    let live = true;
    start((next) => {
      if (live) setSnapshot(next);
    }).then(
      (started) => {
        if (!live) {
          if (started.kind === 'on') started.manager.stop();
          return;
        }
        if (started.kind === 'on') {
          manager.current = started.manager;
          setSnapshot(started.manager.snapshot());
        }
        setLicensing(started);
      },
      (error: unknown) => {
        if (live) {
          setLicensing({
            kind: 'off',
            reason: `Licensing could not start: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      },
    );
    const foreground = AppState.addEventListener('change', (state) => {
      if (state === 'active') manager.current?.reschedule();
    });
    return () => {
      live = false;
      foreground.remove();
      manager.current?.stop();
      manager.current = undefined;
    };
  }, [start]);

  const value = useMemo<LicenseView>(() => {
    const on: Started | undefined = licensing?.kind === 'on' ? licensing : undefined;
    const notAvailable = (): Result<never> => ({
      ok: false,
      error: new FlowDeskError(
        'LICENSING_NOT_AVAILABLE',
        'This build of Flow Desk has no license keys, so there is nothing to sign in to: every feature is on.',
      ),
    });
    return {
      loading: licensing === undefined,
      available: on !== undefined,
      ...(licensing?.kind === 'off' ? { offReason: licensing.reason } : {}),
      ...(on && snapshot ? { snapshot } : {}),
      ...(on
        ? {
            deviceName: on.deviceName,
            manageUrl: new URL('/dashboard', on.siteUrl).toString(),
          }
        : {}),
      locks: on && snapshot ? planLocks(store.workspaces, snapshot.state.entitlements) : NO_LOCKS,
      startSignIn: () => (on ? on.manager.startSignIn() : Promise.resolve(notAvailable())),
      cancelSignIn: () => on?.manager.cancelSignIn(),
      checkNow: () => on?.manager.checkNow() ?? Promise.resolve(),
      signOut: () => (on ? on.manager.signOut() : Promise.resolve(notAvailable())),
    };
  }, [licensing, snapshot, store.workspaces]);

  return <LicenseContext.Provider value={value}>{children}</LicenseContext.Provider>;
}

export function useLicense(): LicenseView {
  const license = useContext(LicenseContext);
  if (!license) throw new Error('useLicense needs a LicenseProvider around the screen.');
  return license;
}
