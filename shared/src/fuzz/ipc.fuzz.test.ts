import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowDeskError } from '../core';
import {
  IPC_CHANNELS,
  IPC_CHANNEL_EXAMPLES,
  IPC_CHANNEL_NAMES,
  IPC_EVENT_EXAMPLES,
  IPC_EVENT_NAMES,
  ipcSuccess,
  parseIpcEvent,
  parseIpcRequest,
  parseIpcResponse,
} from '../ipc';
import { hostileValue, mutated } from './mutations.test-support';
import { fuzzRuns, fuzzTimeout } from './runs.test-support';

/**
 * Fuzzing the IPC contract (issue 12), the boundary between the app UI (untrusted: it renders
 * service names, titles and imported files) and the main process. For every channel and event:
 * arbitrary values and edited copies of the contract's own examples are either parsed into a
 * value that parses again unchanged, or refused with an IPC error, never thrown. ipc.test.ts
 * already throws fc.anything at random channels; this covers each channel and event on its own,
 * with payloads close to valid ones, responses and error envelopes, and prototype keys.
 *
 * Runs: each property of each of the ~80 channels and ~15 events gets 5 % of FUZZ_RUNS (100 by
 * default, 2,500 under `npm run fuzz`): about 25,000 cases in all by default.
 */

const PER_CHANNEL = fuzzRuns(0.05);
const timeout = fuzzTimeout(10_000);

/** Everything structured clone can carry, which is what Electron's IPC delivers. */
const anyValue = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  withBigInt: true,
});

/** A payload: anything at all, or the valid example with one to three edits. */
const payloadFor = (example: unknown) =>
  fc.oneof(
    { weight: 1, arbitrary: anyValue },
    { weight: 3, arbitrary: mutated(example, { maxGrowth: 30 }) },
  );

/** The request schema's own keys, for channels whose request is an object. */
function requestKeys(channel: keyof typeof IPC_CHANNELS): string[] | undefined {
  const shape = (IPC_CHANNELS[channel].request as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : undefined;
}

function expectRefusal(error: FlowDeskError, codes: string[], what: string): void {
  expect(error).toBeInstanceOf(FlowDeskError);
  expect(codes).toContain(error.code);
  if (error.code !== 'IPC_PAYLOAD_TOO_LARGE') {
    expect(error.message.startsWith(what)).toBe(true);
    const fields = (error.details as { fields: { code: unknown }[] }).fields;
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.length).toBeLessThanOrEqual(20);
    for (const field of fields) expect(typeof field.code).toBe('string');
  }
}

/** Object.prototype as it was: no payload may add to it. */
let prototypeKeys: string[];
beforeAll(() => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
});

describe('IPC requests, fuzzed per channel', () => {
  it.each(IPC_CHANNEL_NAMES)(
    '%s: parsed into a request that parses again unchanged, or refused',
    (channel) => {
      const example = IPC_CHANNEL_EXAMPLES[channel].request;
      const keys = requestKeys(channel);
      fc.assert(
        fc.property(payloadFor(example), (payload) => {
          const result = parseIpcRequest(channel, payload);
          if (!result.ok) {
            expectRefusal(
              result.error,
              ['IPC_INVALID_REQUEST', 'IPC_PAYLOAD_TOO_LARGE'],
              `The ${channel} request`,
            );
            return;
          }
          expect(result.value.channel).toBe(channel);
          const { request } = result.value;
          if (example === undefined) expect(payload).toBeUndefined();
          // Nothing beyond the contract's fields reaches a handler.
          if (keys && request !== null && typeof request === 'object') {
            for (const key of Object.keys(request)) expect(keys).toContain(key);
          }
          const again = parseIpcRequest(channel, request);
          expect(again.ok && again.value.request).toEqual(request);
        }),
        { numRuns: PER_CHANNEL },
      );
    },
    timeout,
  );

  it.each(IPC_CHANNEL_NAMES.filter((channel) => requestKeys(channel) !== undefined))(
    '%s: a field the contract does not name is refused, whatever it holds',
    (channel) => {
      const example = IPC_CHANNEL_EXAMPLES[channel].request as Record<string, unknown>;
      const keys = requestKeys(channel) ?? [];
      fc.assert(
        fc.property(
          fc.oneof(
            fc.constantFrom('__proto__', 'constructor', 'webPreferences', 'nodeIntegration'),
            fc.string(),
          ),
          hostileValue,
          (key, value) => {
            fc.pre(!keys.includes(key));
            const payload = { ...example };
            Object.defineProperty(payload, key, { value, enumerable: true, configurable: true });
            const result = parseIpcRequest(channel, payload);
            expect(result.ok).toBe(false);
          },
        ),
        { numRuns: PER_CHANNEL },
      );
    },
    timeout,
  );

  it(
    'refuses payloads nested deeper than any real one, on every channel',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...IPC_CHANNEL_NAMES),
          fc.integer({ min: 34, max: 200 }),
          fc.boolean(),
          (channel, depth, asArrays) => {
            let payload: unknown = IPC_CHANNEL_EXAMPLES[channel].request ?? null;
            for (let level = 0; level < depth; level += 1) {
              payload = asArrays ? [payload] : { value: payload };
            }
            const result = parseIpcRequest(channel, payload);
            expect(!result.ok && result.error.code).toBe('IPC_PAYLOAD_TOO_LARGE');
          },
        ),
        { numRuns: PER_CHANNEL * 4 },
      );
    },
    timeout,
  );
});

describe('IPC events, fuzzed per event', () => {
  it.each(IPC_EVENT_NAMES)(
    '%s: parsed into an event that parses again unchanged, or refused',
    (name) => {
      fc.assert(
        fc.property(payloadFor(IPC_EVENT_EXAMPLES[name]), (payload) => {
          const result = parseIpcEvent(name, payload);
          if (!result.ok) {
            expectRefusal(
              result.error,
              ['IPC_INVALID_EVENT', 'IPC_PAYLOAD_TOO_LARGE'],
              `The ${name} event`,
            );
            return;
          }
          const again = parseIpcEvent(name, result.value.payload);
          expect(again.ok && again.value.payload).toEqual(result.value.payload);
        }),
        { numRuns: PER_CHANNEL },
      );
    },
    timeout,
  );

  it('refuses any name that is not an event, including prototype names', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'),
          fc.string(),
          anyValue,
        ),
        anyValue,
        (name, payload) => {
          fc.pre(!(IPC_EVENT_NAMES as unknown[]).includes(name));
          const result = parseIpcEvent(name, payload);
          expect(!result.ok && result.error.code).toBe('IPC_UNKNOWN_EVENT');
        },
      ),
      { numRuns: PER_CHANNEL * 4 },
    );
  });
});

/** A failure envelope as a handler sends it: its error must reach the UI with its code. */
const failure = fc.record({
  ok: fc.constant(false as const),
  error: fc.record(
    {
      code: fc.string({ minLength: 1, maxLength: 100 }),
      message: fc.string({ maxLength: 200 }),
      details: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    },
    { requiredKeys: ['code', 'message'] },
  ),
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The envelope's rules, written out again: `{ ok: false, error: { code, message, details? } }`. */
function isWellFormedFailure(value: unknown): value is { ok: false; error: { code: string } } {
  if (!isPlainObject(value) || value.ok !== false || !isPlainObject(value.error)) return false;
  if (Object.keys(value).some((key) => key !== 'ok' && key !== 'error')) return false;
  const { code, message, details } = value.error;
  return (
    Object.keys(value.error).every((key) => ['code', 'message', 'details'].includes(key)) &&
    typeof code === 'string' &&
    code.length >= 1 &&
    code.length <= 100 &&
    typeof message === 'string' &&
    message.length <= 2000 &&
    (details === undefined || isPlainObject(details))
  );
}

describe('IPC responses, fuzzed per channel', () => {
  it.each(IPC_CHANNEL_NAMES)(
    '%s: a value that parses again unchanged, the handler’s error, or IPC_INVALID_RESPONSE',
    (channel) => {
      const example = IPC_CHANNEL_EXAMPLES[channel].response;
      const envelope = fc.oneof(
        { weight: 3, arbitrary: payloadFor(example).map((value) => ipcSuccess(value)) },
        { weight: 1, arbitrary: failure },
        { weight: 1, arbitrary: mutated(ipcSuccess(example), { maxGrowth: 30 }) },
        { weight: 1, arbitrary: failure.chain((sent) => mutated(sent, { maxGrowth: 5 })) },
        { weight: 1, arbitrary: anyValue },
      );
      fc.assert(
        fc.property(envelope, (sent) => {
          const result = parseIpcResponse(channel, sent);
          const asFailure = sent as { ok?: unknown; error?: { code?: unknown } } | null;
          if (result.ok) {
            expect(asFailure?.ok).toBe(true);
            const again = parseIpcResponse(channel, ipcSuccess(result.value));
            expect(again.ok && again.value).toEqual(result.value);
            return;
          }
          expect(result.error).toBeInstanceOf(FlowDeskError);
          if (!['IPC_INVALID_RESPONSE', 'IPC_PAYLOAD_TOO_LARGE'].includes(result.error.code)) {
            // Only a failure envelope can make the UI see another code: the one it carries.
            expect(asFailure?.ok).toBe(false);
            expect(result.error.code).toBe(asFailure?.error?.code);
          }
          if (isWellFormedFailure(sent)) expect(result.error.code).toBe(sent.error.code);
        }),
        { numRuns: PER_CHANNEL },
      );
    },
    timeout,
  );
});
