import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowDeskError } from '../core';
import { IPC_CHANNELS, IPC_CHANNEL_NAMES, IPC_EVENT_NAMES, isIpcChannel } from './contract';
import type { IpcChannel } from './contract';
import { ipcFailure, ipcSuccess } from './envelope';
import {
  IPC_CHANNEL_EXAMPLES as CHANNEL_SAMPLES,
  IPC_EVENT_EXAMPLES as EVENT_SAMPLES,
} from './examples';
import {
  MAX_IPC_PAYLOAD_BYTES,
  estimatePayloadSize,
  parseIpcEvent,
  parseIpcRequest,
  parseIpcRequestFor,
  parseIpcResponse,
} from './validate';

describe('the IPC contract', () => {
  it('has an example for every channel and event, and no example for a channel that is gone', () => {
    expect(Object.keys(CHANNEL_SAMPLES).sort()).toEqual([...IPC_CHANNEL_NAMES].sort());
    expect(Object.keys(EVENT_SAMPLES).sort()).toEqual([...IPC_EVENT_NAMES].sort());
  });

  it.each(IPC_CHANNEL_NAMES)('%s: the example request and response parse', (channel) => {
    const sample = CHANNEL_SAMPLES[channel];
    const request = parseIpcRequest(channel, sample.request);
    expect(request.ok, JSON.stringify(!request.ok && request.error.toJSON())).toBe(true);
    const response = parseIpcResponse(channel, ipcSuccess(sample.response));
    expect(response.ok, JSON.stringify(!response.ok && response.error.toJSON())).toBe(true);
  });

  it.each(IPC_EVENT_NAMES)('%s: the example event parses', (name) => {
    expect(parseIpcEvent(name, EVENT_SAMPLES[name]).ok).toBe(true);
  });

  it('fills request defaults on the main side', () => {
    const parsed = parseIpcRequestFor('audit:list', { workspaceId: 'w1' });
    expect(parsed).toEqual({ ok: true, value: { workspaceId: 'w1', limit: 200 } });
  });
});

describe('parseIpcRequest', () => {
  it('refuses unknown channels, including prototype names', () => {
    for (const channel of [
      'workspaces:drop',
      '__proto__',
      'constructor',
      'toString',
      3,
      undefined,
    ]) {
      const result = parseIpcRequest(channel, undefined);
      expect(!result.ok && result.error.code, String(channel)).toBe('IPC_UNKNOWN_CHANNEL');
    }
    expect(isIpcChannel('hasOwnProperty')).toBe(false);
  });

  it('refuses invalid requests, naming the first wrong field', () => {
    const result = parseIpcRequest('services:add', {
      workspaceId: 'W 1',
      service: { type: 'slack' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IPC_INVALID_REQUEST');
    expect(result.error.message).toMatch(/^The services:add request is not valid \(workspaceId: /);
    expect(result.error.details.fields).toEqual([
      expect.objectContaining({ field: 'workspaceId', code: 'ID_INVALID' }),
    ]);
  });

  it('refuses extra keys, so nothing unvalidated reaches a handler', () => {
    const result = parseIpcRequest('views:activate', { serviceId: 's1', webPreferences: {} });
    expect(!result.ok && result.error.code).toBe('IPC_INVALID_REQUEST');
  });

  it('refuses oversized and cyclic payloads before parsing them', () => {
    const huge = { url: 'x'.repeat(MAX_IPC_PAYLOAD_BYTES + 1) };
    expect(parseIpcRequest('app:open-external', huge)).toMatchObject({
      ok: false,
      error: { code: 'IPC_PAYLOAD_TOO_LARGE' },
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseIpcRequest('views:activate', cyclic)).toMatchObject({
      ok: false,
      error: { code: 'IPC_PAYLOAD_TOO_LARGE' },
    });
  });

  it('never throws on any channel and payload', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...IPC_CHANNEL_NAMES), fc.string()),
        fc.anything({ withTypedArray: true, withMap: true, withSet: true, withDate: true }),
        (channel, payload) => {
          expect(typeof parseIpcRequest(channel, payload).ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseIpcResponse', () => {
  it('returns the handler’s error with its code', () => {
    const failure = ipcFailure(
      new FlowDeskError('STORE_WRITE_FAILED', 'Disk full.', { details: { free: 0 } }),
    );
    const result = parseIpcResponse('state:get', failure);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(FlowDeskError);
    expect(result.error.toJSON()).toEqual({
      code: 'STORE_WRITE_FAILED',
      message: 'Disk full.',
      details: { free: 0 },
    });
  });

  it('hides unexpected handler errors behind a generic code', () => {
    const failure = ipcFailure(new TypeError('x is undefined'));
    expect(failure).toMatchObject({ ok: false, error: { code: 'IPC_HANDLER_FAILED' } });
    expect(JSON.stringify(failure)).not.toContain('x is undefined');
  });

  it('refuses malformed envelopes and values', () => {
    for (const envelope of [
      undefined,
      {},
      { ok: true },
      { ok: 'yes', value: 1 },
      { ok: false, error: {} },
    ]) {
      const result = parseIpcResponse('app:info', envelope);
      expect(!result.ok && result.error.code, JSON.stringify(envelope)).toBe(
        'IPC_INVALID_RESPONSE',
      );
    }
    expect(parseIpcResponse('views:activate', ipcSuccess({ x: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_RESPONSE' },
    });
    const unknown = parseIpcResponse('nope' as IpcChannel, ipcSuccess(null));
    expect(!unknown.ok && unknown.error.code).toBe('IPC_UNKNOWN_CHANNEL');
    expect(
      parseIpcResponse('state:get', ipcSuccess('x'.repeat(17 * MAX_IPC_PAYLOAD_BYTES))),
    ).toMatchObject({
      ok: false,
      error: { code: 'IPC_PAYLOAD_TOO_LARGE' },
    });
  });
});

describe('parseIpcEvent', () => {
  it('refuses unknown, oversized and invalid events', () => {
    expect(parseIpcEvent('view:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_EVENT' },
    });
    expect(parseIpcEvent('notice', 'x'.repeat(17 * MAX_IPC_PAYLOAD_BYTES))).toMatchObject({
      ok: false,
      error: { code: 'IPC_PAYLOAD_TOO_LARGE' },
    });
    expect(
      parseIpcEvent('backup:progress', { operationId: 'o', phase: 'done', fraction: 2 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_EVENT' },
    });
  });
});

describe('estimatePayloadSize', () => {
  it('measures strings, objects and binary data, and stops early', () => {
    expect(estimatePayloadSize('abc')).toBe(5);
    expect(estimatePayloadSize({ a: 1 })).toBe(2 + 1 + 4 + 8);
    expect(estimatePayloadSize(new Uint8Array(100))).toBeGreaterThanOrEqual(100);
    expect(estimatePayloadSize(new ArrayBuffer(50))).toBeGreaterThanOrEqual(50);
    expect(
      estimatePayloadSize(
        Array.from({ length: 1000 }, () => 'x'.repeat(100)),
        1000,
      ),
    ).toBeLessThan(2000);
  });

  it('treats cycles and very deep nesting as too large', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i += 1) deep = { deep };
    expect(estimatePayloadSize(deep)).toBe(Infinity);
  });
});

describe('every channel has schemas', () => {
  it.each(Object.entries(IPC_CHANNELS))('%s', (_name, { request, response }) => {
    expect(typeof request.safeParse).toBe('function');
    expect(typeof response.safeParse).toBe('function');
  });
});
