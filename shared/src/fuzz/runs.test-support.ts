/**
 * How many generated cases each fuzz property runs (issue 12): 2000 by default, which every
 * `npm test` and CI run pays for, and as many as FLOWDESK_FUZZ_RUNS says under `npm run fuzz`
 * (50,000). Costly properties take a share of it with {@link fuzzRuns}, so they grow with it.
 *
 * shared/src is isomorphic and lint forbids the `process` global here, so the variable is read
 * through globalThis: in a runtime without `process` the default applies.
 */
const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } })
  .process?.env;
const requested = Number(environment?.FLOWDESK_FUZZ_RUNS);

export const FUZZ_RUNS = Number.isInteger(requested) && requested > 0 ? requested : 2000;

/** A share of {@link FUZZ_RUNS} for a property whose cases cost more, at least 10 runs. */
export function fuzzRuns(share: number): number {
  return Math.max(10, Math.round(FUZZ_RUNS * share));
}

/**
 * A test's time limit that grows with the number of runs: `msPer1000Runs` for each thousand of
 * {@link FUZZ_RUNS}, and never less than 30 s (Vitest's default of 5 s is too short on a busy
 * 2-core CI machine).
 */
export function fuzzTimeout(msPer1000Runs: number): number {
  return Math.max(30_000, Math.ceil((FUZZ_RUNS / 1000) * msPer1000Runs));
}
