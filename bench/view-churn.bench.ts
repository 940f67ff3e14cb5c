import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../desktop-app/test/support/chromium-view-host';
import { startFixtureServer } from '../desktop-app/test/support/fixture-server';
import type { FixtureServer } from '../desktop-app/test/support/fixture-server';
import { churnBareChromium, churnViews } from '../desktop-app/test/support/view-churn';
import { writeBenchResults } from './results-file';

/**
 * The view manager opening and hibernating views in a loop for 10 minutes
 * (FLOWDESK_CHURN_SECONDS to change it) in Chromium (issue 12): 12 isolated services of 20 MB
 * under a limit of 4 live views. Browser processes and memory must not climb once warm.
 * Then, for half as long, the same pages opened and closed on Chromium without the view
 * manager: Chromium's own growth under churn, so what the manager adds is a ratio of one run.
 * `desktop-app/test/view-churn.browser.test.ts` is the short version `npm test` runs.
 */

const SECONDS = Number(process.env.FLOWDESK_CHURN_SECONDS) || 600;
const MEMORY_GROWTH_LIMIT_MB = 100;

let browser: Browser;
let fixture: FixtureServer;
const results: Record<string, unknown> = {};
beforeAll(async () => {
  [browser, fixture] = await Promise.all([launchChromium(), startFixtureServer('churn')]);
});
afterAll(async () => {
  await browser?.close();
  await fixture?.close();
  writeBenchResults('view-churn', { memoryGrowthLimitMb: MEMORY_GROWTH_LIMIT_MB, ...results });
});

const CHURN = { services: 12, maxLiveViews: 4, heapMb: 20, sampleEverySeconds: 10 };

it(
  'opens and hibernates views for 10 minutes without growth',
  async () => {
    const outcome = await churnViews({ browser, fixture, ...CHURN, seconds: SECONDS });
    Object.assign(results, outcome);
    console.log(outcome);
    expect(outcome.processGrowth).toBeLessThanOrEqual(1);
    expect(outcome.memoryGrowthMb).toBeLessThan(MEMORY_GROWTH_LIMIT_MB);
  },
  (SECONDS + 120) * 1000,
);

it(
  'measures the same churn on Chromium alone, the baseline',
  async () => {
    const baseline = await churnBareChromium({
      browser,
      fixture,
      ...CHURN,
      seconds: Math.ceil(SECONDS / 2),
    });
    results.bareChromium = baseline;
    console.log(baseline);
    expect(baseline.processGrowth).toBeLessThanOrEqual(1);
  },
  (SECONDS / 2 + 120) * 1000,
);
