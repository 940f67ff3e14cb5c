import { z } from 'zod';
import { FlowDeskError, err, fieldErrorsFromZod, ok } from '../core';
import type { Result } from '../core';
import { IPC_CHANNELS, IPC_EVENTS, isIpcChannel, isIpcEventName } from './contract';
import type { IpcChannel, IpcEvent, IpcEventName, IpcRequest, IpcResponse } from './contract';
import { errorFromEnvelope, ipcErrorSchema } from './envelope';

/** Largest payload accepted on any channel, in bytes of its JSON text (about). */
export const MAX_IPC_PAYLOAD_BYTES = 1024 * 1024;
/** Deeper structures are refused before parsing: no real payload nests this far. */
const MAX_DEPTH = 32;

/**
 * The approximate JSON size of a value, stopping as soon as it passes `limit`, so a huge or
 * cyclic payload (structured clone can carry cycles) costs at most `limit` work. Returns
 * Infinity for cycles and for nesting deeper than MAX_DEPTH.
 */
export function estimatePayloadSize(value: unknown, limit = MAX_IPC_PAYLOAD_BYTES): number {
  let size = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0 && size <= limit) {
    const next = stack.pop();
    if (next === undefined) break;
    const { value: item, depth } = next;
    if (typeof item === 'string') size += item.length + 2;
    else if (typeof item !== 'object' || item === null) size += 8;
    else {
      if (seen.has(item) || depth > MAX_DEPTH) return Infinity;
      seen.add(item);
      size += 2;
      if (ArrayBuffer.isView(item)) size += item.byteLength;
      else if (item instanceof ArrayBuffer) size += item.byteLength;
      else {
        // for…in with an early exit: a million-element array costs `limit` steps, not a million.
        for (const key in item) {
          if (!Object.hasOwn(item, key)) continue;
          size += key.length + 4;
          if (size > limit) break;
          stack.push({ value: (item as Record<string, unknown>)[key], depth: depth + 1 });
        }
      }
    }
  }
  return size;
}

function tooLarge(what: string): FlowDeskError {
  return new FlowDeskError(
    'IPC_PAYLOAD_TOO_LARGE',
    `${what} is too large to send between the window and the app.`,
    { details: { limitBytes: MAX_IPC_PAYLOAD_BYTES } },
  );
}

function invalidPayload(code: string, what: string, error: z.ZodError): FlowDeskError {
  const fields = fieldErrorsFromZod(error).slice(0, 20);
  const first = fields[0];
  const summary = first ? ` (${first.field ? `${first.field}: ` : ''}${first.message})` : '';
  return new FlowDeskError(code, `${what} is not valid${summary}.`, { details: { fields } });
}

export interface ParsedIpcRequest<C extends IpcChannel = IpcChannel> {
  channel: C;
  request: IpcRequest<C>;
}

/**
 * Main-process side: checks that a message names a known channel and carries a valid, bounded
 * request. Never throws.
 */
export function parseIpcRequest(channel: unknown, payload: unknown): Result<ParsedIpcRequest> {
  if (!isIpcChannel(channel)) {
    return err(
      new FlowDeskError('IPC_UNKNOWN_CHANNEL', 'The app received a request it does not know.', {
        details: { channel: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel },
      }),
    );
  }
  if (estimatePayloadSize(payload) > MAX_IPC_PAYLOAD_BYTES) return err(tooLarge('The request'));
  const parsed = IPC_CHANNELS[channel].request.safeParse(payload);
  if (!parsed.success) {
    return err(invalidPayload('IPC_INVALID_REQUEST', `The ${channel} request`, parsed.error));
  }
  return ok({ channel, request: parsed.data as IpcRequest<IpcChannel> });
}

/** Typed variant for one known channel, used by handlers and tests. */
export function parseIpcRequestFor<C extends IpcChannel>(
  channel: C,
  payload: unknown,
): Result<IpcRequest<C>> {
  const parsed = parseIpcRequest(channel, payload);
  return parsed.ok ? ok(parsed.value.request as IpcRequest<C>) : parsed;
}

const envelopeSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ipcErrorSchema }),
]);

/**
 * UI side: reads a response envelope. A failure becomes the FlowDeskError the handler sent;
 * a malformed envelope or value becomes IPC_INVALID_RESPONSE. Never throws.
 */
export function parseIpcResponse<C extends IpcChannel>(
  channel: C,
  envelope: unknown,
): Result<IpcResponse<C>> {
  if (estimatePayloadSize(envelope, 16 * MAX_IPC_PAYLOAD_BYTES) > 16 * MAX_IPC_PAYLOAD_BYTES) {
    return err(tooLarge('The response'));
  }
  const outer = envelopeSchema.safeParse(envelope);
  if (!outer.success) {
    return err(invalidPayload('IPC_INVALID_RESPONSE', `The ${channel} response`, outer.error));
  }
  if (!outer.data.ok) return err(errorFromEnvelope(outer.data.error));
  const schema = (IPC_CHANNELS as Record<string, { response: z.ZodType }>)[channel]?.response;
  if (!schema) {
    return err(new FlowDeskError('IPC_UNKNOWN_CHANNEL', 'The app sent an unknown response.'));
  }
  const value = schema.safeParse(outer.data.value);
  if (!value.success) {
    return err(invalidPayload('IPC_INVALID_RESPONSE', `The ${channel} response`, value.error));
  }
  return ok(value.data as IpcResponse<C>);
}

export interface ParsedIpcEvent<E extends IpcEventName = IpcEventName> {
  name: E;
  payload: IpcEvent<E>;
}

/** UI side: checks an event from the main process. Never throws. */
export function parseIpcEvent(name: unknown, payload: unknown): Result<ParsedIpcEvent> {
  if (!isIpcEventName(name)) {
    return err(new FlowDeskError('IPC_UNKNOWN_EVENT', 'The window received an unknown event.'));
  }
  if (estimatePayloadSize(payload, 16 * MAX_IPC_PAYLOAD_BYTES) > 16 * MAX_IPC_PAYLOAD_BYTES) {
    return err(tooLarge('The event'));
  }
  const parsed = IPC_EVENTS[name].safeParse(payload);
  if (!parsed.success) {
    return err(invalidPayload('IPC_INVALID_EVENT', `The ${name} event`, parsed.error));
  }
  return ok({ name, payload: parsed.data as IpcEvent<IpcEventName> });
}
