import { ClerkProvider, PricingTable } from '@clerk/nextjs';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { clerkSettings } from '../../src/server/clerk-settings';
import { FEATURES, PLANS, PLAN_ENTITLEMENTS } from '@flowdesk/shared/licensing';

export const metadata: Metadata = {
  title: 'Pricing',
  description: 'Free, Pro, Team and Enterprise: what each Flow Desk plan includes.',
};

/** What each feature key means to a reader of the pricing table. */
const FEATURE_NAMES: Record<string, string> = {
  [FEATURES.scheduledBackups]: 'Scheduled encrypted backups',
  [FEATURES.backupSessions]: 'Backups that keep you signed in on a new computer',
  [FEATURES.appLock]: 'App lock',
  [FEATURES.proxies]: 'A proxy per service',
  [FEATURES.auditExport]: 'Audit log export',
  [FEATURES.policies]: 'Signed policies enforced in the apps',
  [FEATURES.sso]: 'Single sign-on (SAML, OIDC) and directory sync',
};

const limit = (value: number | null) => (value === null ? 'Unlimited' : String(value));

/**
 * The plans, from the same data the license server enforces (shared/src/licensing/plans.ts), so
 * this page cannot promise what a license does not give.
 */
export default async function PricingPage() {
  const clerk = clerkSettings();
  const nonce = clerk?.billing ? ((await headers()).get('x-nonce') ?? undefined) : undefined;
  const rows: { label: string; values: string[] }[] = [
    {
      label: 'Workspaces',
      values: PLANS.map((plan) => limit(PLAN_ENTITLEMENTS[plan].maxWorkspaces)),
    },
    {
      label: 'Services per workspace',
      values: PLANS.map((plan) => limit(PLAN_ENTITLEMENTS[plan].maxServicesPerWorkspace)),
    },
    {
      label: 'Devices per person',
      values: PLANS.map((plan) => String(PLAN_ENTITLEMENTS[plan].devicesPerSeat)),
    },
    {
      label: 'Seats included',
      values: PLANS.map((plan) => String(PLAN_ENTITLEMENTS[plan].includedSeats)),
    },
    ...Object.values(FEATURES).map((feature) => ({
      label: FEATURE_NAMES[feature] ?? feature,
      values: PLANS.map((plan) =>
        PLAN_ENTITLEMENTS[plan].features.includes(feature) ? 'Included' : '—',
      ),
    })),
  ];
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Pricing</h1>
      <p className="mt-3 text-neutral-600 dark:text-neutral-300">
        Every plan runs every service in its own isolated view, on your device. When a plan ends,
        nothing is deleted: workspaces over the Free limits are kept and locked until you upgrade
        again.
      </p>
      <div className="mt-8 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">What each plan includes</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b p-3">
                <span className="sr-only">Feature</span>
              </th>
              {PLANS.map((plan) => (
                <th key={plan} scope="col" className="border-b p-3 font-semibold">
                  {PLAN_ENTITLEMENTS[plan].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="border-b p-3 font-normal">
                  {row.label}
                </th>
                {row.values.map((value, index) => (
                  <td key={PLANS[index]} className="border-b p-3">
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {clerk?.billing ? (
        <section aria-labelledby="subscribe-heading" className="mt-12">
          <h2 id="subscribe-heading" className="text-2xl font-semibold">
            Subscribe
          </h2>
          {/* Clerk Billing's plans and checkout; the table above says what each plan gives. */}
          <ClerkProvider publishableKey={clerk.publishableKey} {...(nonce ? { nonce } : {})}>
            <div className="mt-6">
              <PricingTable />
            </div>
          </ClerkProvider>
        </section>
      ) : null}
    </main>
  );
}
