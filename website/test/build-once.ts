import { buildWebsite } from './next-process';

/**
 * Vitest global setup of the end-to-end tests (vitest.e2e.config.ts): one `next build` for all
 * of them, each file then starting the servers it needs. The build is given server secrets, as
 * a careless CI would: next-server.test.ts checks that none reaches the browser's bundles.
 */
export const BUILD_SECRET_MARKER = 'buildsecretmarker';

export const BUILD_SECRETS = {
  CLERK_SECRET_KEY: `sk_live_${BUILD_SECRET_MARKER}0123456789`,
  CLERK_WEBHOOK_SIGNING_SECRET: `whsec_${BUILD_SECRET_MARKER}0123456789`,
  LICENSE_SIGNING_KEY: `-----BEGIN PRIVATE KEY-----\n${BUILD_SECRET_MARKER}\n-----END PRIVATE KEY-----`,
  LICENSE_SIGNING_KEY_ID: 'build-marker',
  DATABASE_URL: `postgres://flowdesk:${BUILD_SECRET_MARKER}@db.invalid/flowdesk`,
};

export default function setup(): void {
  buildWebsite(BUILD_SECRETS);
}
