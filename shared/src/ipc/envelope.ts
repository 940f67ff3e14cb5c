import { z } from 'zod';
import { FlowDeskError, toFlowDeskError } from '../core';
import type { SerializedError } from '../core';

/**
 * How a response travels back to the UI. Errors cross as plain data (code, message, details),
 * never as thrown objects: Electron would flatten them into a bare message and lose the code.
 */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export const ipcErrorSchema = z.strictObject({
  code: z.string().min(1).max(100),
  message: z.string().max(2000),
  details: z.record(z.string(), z.unknown()).default({}),
});

export function ipcSuccess<T>(value: T): IpcEnvelope<T> {
  return { ok: true, value };
}

/** Wraps anything thrown by a handler; unknown errors get a generic code and message. */
export function ipcFailure(error: unknown): IpcEnvelope<never> {
  return { ok: false, error: toFlowDeskError(error, 'IPC_HANDLER_FAILED').toJSON() };
}

/** Rebuilds the FlowDeskError on the UI side so callers can switch on its code. */
export function errorFromEnvelope(error: SerializedError): FlowDeskError {
  return new FlowDeskError(error.code, error.message, { details: error.details });
}
