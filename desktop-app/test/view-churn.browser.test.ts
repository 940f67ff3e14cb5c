import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium-view-host';
import { startFixtureServer } from './support/fixture-server';
import type { FixtureServer } from './support/fixture-server';
import { churnViews } from './support/view-churn';

/**
 * Views opened and hibernated in a loop, short version (issue 12; `npm run bench` runs it for
 * 10 minutes): after the warm-up, neither the number of browser processes nor their memory
 * climbs, and the live-view limit holds to the end.
 */

let browser: Browser;
let fixture: FixtureServer;
beforeAll(async () => {
  [browser, fixture] = await Promise.all([launchChromium(), startFixtureServer('churn')]);
});
afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

describe('views opened and hibernated in a loop', () => {
  it('keeps the browser’s processes and memory flat for 40 s of switching', async () => {
    const outcome = await churnViews({
      browser,
      fixture,
      services: 8,
      maxLiveViews: 3,
      heapMb: 10,
      seconds: 40,
      sampleEverySeconds: 2,
    });
    expect(outcome.activations).toBeGreaterThan(40);
    expect(outcome.liveViewsAtEnd).toBeLessThanOrEqual(3);
    expect(outcome.processSamples.length).toBeGreaterThanOrEqual(10);
    // A leaked renderer per switch would add dozens; one in flight at a sample is allowed.
    expect(outcome.processGrowth).toBeLessThanOrEqual(1);
    expect(outcome.memoryGrowthMb).toBeLessThan(80);
  }, 120_000);
});
