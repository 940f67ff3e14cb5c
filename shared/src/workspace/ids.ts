import { z } from 'zod';
import { FlowDeskError } from '../core';

/**
 * Ids of workspaces and services: lower-case letters, digits and hyphens, starting with a letter
 * or digit, at most 63 characters. A random UUID fits; so do readable ids from imports. The rule
 * keeps every id safe inside a session partition name, a file name and a URL path segment.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const idSchema = z.string().refine((value) => ID_PATTERN.test(value), {
  error: 'Use lower-case letters, digits and hyphens (at most 63).',
  params: { code: 'ID_INVALID' },
});

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A source of random UUIDs; injected where the runtime has no WebCrypto (older Hermes). */
export type UuidGenerator = () => string;

/** A new random id (a lower-case UUID v4) from WebCrypto, or from the generator given. */
export function newId(generate?: UuidGenerator): string {
  const source =
    generate ??
    (typeof globalThis.crypto?.randomUUID === 'function'
      ? () => globalThis.crypto.randomUUID()
      : undefined);
  if (!source) {
    throw new FlowDeskError(
      'ID_GENERATOR_MISSING',
      'This runtime has no secure random generator; pass one to newId.',
    );
  }
  const id = source().toLowerCase();
  if (!ID_PATTERN.test(id)) {
    throw new FlowDeskError('ID_INVALID', 'The id generator returned an unusable id.', {
      details: { length: id.length },
    });
  }
  return id;
}
