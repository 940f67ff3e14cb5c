/**
 * The one error type of Flow Desk. Every failure that reaches a caller carries a stable,
 * machine-readable `code` (UPPER_SNAKE_CASE, never renamed once shipped) and a message a user
 * can act on. `details` holds structured, non-secret context for logs and the UI.
 */
export class FlowDeskError extends Error {
  override readonly name = 'FlowDeskError';
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  /** A plain, serialisable form (for IPC, logs and files): no stack, no cause. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, details: { ...this.details } };
  }
}

export interface SerializedError {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export function isFlowDeskError(value: unknown): value is FlowDeskError {
  return value instanceof FlowDeskError;
}

/**
 * Turns anything thrown into a FlowDeskError without losing the original as `cause`.
 * Non-Error throwables (strings, objects, undefined) are described, never re-thrown.
 */
export function toFlowDeskError(
  thrown: unknown,
  fallbackCode = 'UNEXPECTED_ERROR',
  fallbackMessage = 'Something went wrong. Try again; if it keeps happening, send the diagnostics report.',
): FlowDeskError {
  if (thrown instanceof FlowDeskError) return thrown;
  if (thrown instanceof Error) {
    return new FlowDeskError(fallbackCode, fallbackMessage, {
      cause: thrown,
      details: { originalName: thrown.name },
    });
  }
  return new FlowDeskError(fallbackCode, fallbackMessage, {
    cause: thrown,
    details: { thrownType: thrown === null ? 'null' : typeof thrown },
  });
}
