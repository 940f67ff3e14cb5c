import type { z } from 'zod';
import { FlowDeskError } from './errors';

/** A typed outcome for operations that can fail in expected ways: never throws. */
export type Result<T, E = FlowDeskError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** One problem with one field of user input, phrased for the person who typed it. */
export interface FieldError {
  /** Dotted path of the field, e.g. `services.2.url`; empty for the input as a whole. */
  field: string;
  /** Stable code, e.g. `URL_SCHEME_NOT_ALLOWED`. */
  code: string;
  message: string;
}

/**
 * The seed's ValidationResult: either the input is valid (with its normalised value and any
 * warnings worth showing) or it is not, with one message per field that is wrong.
 */
export type ValidationResult<T> =
  | { valid: true; value: T; errors: []; warnings: FieldError[] }
  | { valid: false; errors: FieldError[]; warnings: FieldError[] };

export function valid<T>(value: T, warnings: FieldError[] = []): ValidationResult<T> {
  return { valid: true, value, errors: [], warnings };
}

export function invalid<T = never>(
  errors: FieldError[],
  warnings: FieldError[] = [],
): ValidationResult<T> {
  return { valid: false, errors, warnings };
}

/** Joins a zod issue path into the dotted field name used by FieldError. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** zod's issue code as a stable FieldError code: `invalid_type` → `INVALID_TYPE`, `too_big` → `INVALID_TOO_BIG`. */
function zodIssueCode(code: string): string {
  const upper = code.toUpperCase();
  return upper.startsWith('INVALID_') ? upper : `INVALID_${upper}`;
}

/** Maps zod issues to FieldErrors; a custom issue may carry its own code in `params.code`. */
export function fieldErrorsFromZod(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    const params =
      'params' in issue ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const customCode = typeof params?.code === 'string' ? params.code : undefined;
    const path = fieldPath(issue.path);
    return {
      field: prefix && path ? `${prefix}.${path}` : prefix || path,
      code: customCode ?? zodIssueCode(issue.code),
      message: issue.message,
    };
  });
}

/**
 * Parses untrusted data with a schema and returns a typed Result whose error names every
 * wrong field: the one way files, IPC payloads and imports enter typed code.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  code: string,
  what: string,
): Result<z.output<S>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const fields = fieldErrorsFromZod(parsed.error);
  const first = fields[0];
  const summary = first ? `${first.field ? `${first.field}: ` : ''}${first.message}` : 'invalid';
  return err(
    new FlowDeskError(code, `${what} is not valid (${summary}).`, {
      details: { fields },
    }),
  );
}
