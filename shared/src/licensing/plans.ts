import type { Plan } from './claims';

/**
 * What each plan includes, as data: the website enforces the device and seat limits when a
 * device is activated and puts the features in the license token; the apps read limits and
 * features from here and the token (issue 7: fallback mode never deletes what is over a limit).
 */

export interface PlanEntitlements {
  /** Shown on the pricing page and in the apps. */
  name: string;
  /** Devices one seat may activate at once. */
  devicesPerSeat: number;
  /** Seats a license of this plan starts with (Team and Enterprise buy more). */
  includedSeats: number;
  /** null: no limit. */
  maxWorkspaces: number | null;
  maxServicesPerWorkspace: number | null;
  features: readonly string[];
}

export const FEATURES = {
  /** Backups that carry sign-ins (cookies, stored data). */
  backupSessions: 'backups.sessions',
  scheduledBackups: 'backups.scheduled',
  appLock: 'security.app-lock',
  proxies: 'network.proxies',
  /** Signed enterprise policies, SSO, directory sync. */
  policies: 'enterprise.policies',
  sso: 'enterprise.sso',
  auditExport: 'enterprise.audit-export',
} as const;

export const PLAN_ENTITLEMENTS: Readonly<Record<Plan, PlanEntitlements>> = {
  free: {
    name: 'Free',
    devicesPerSeat: 1,
    includedSeats: 1,
    maxWorkspaces: 2,
    maxServicesPerWorkspace: 6,
    features: [FEATURES.scheduledBackups],
  },
  pro: {
    name: 'Pro',
    devicesPerSeat: 3,
    includedSeats: 1,
    maxWorkspaces: null,
    maxServicesPerWorkspace: null,
    features: [
      FEATURES.backupSessions,
      FEATURES.scheduledBackups,
      FEATURES.appLock,
      FEATURES.proxies,
    ],
  },
  team: {
    name: 'Team',
    devicesPerSeat: 3,
    includedSeats: 3,
    maxWorkspaces: null,
    maxServicesPerWorkspace: null,
    features: [
      FEATURES.backupSessions,
      FEATURES.scheduledBackups,
      FEATURES.appLock,
      FEATURES.proxies,
      FEATURES.auditExport,
    ],
  },
  enterprise: {
    name: 'Enterprise',
    devicesPerSeat: 5,
    includedSeats: 10,
    maxWorkspaces: null,
    maxServicesPerWorkspace: null,
    features: Object.values(FEATURES),
  },
};
