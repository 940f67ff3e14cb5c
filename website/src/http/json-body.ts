import { fieldErrorsFromZod } from '@flowdesk/shared/core';
import type { z } from 'zod';
import { apiError } from './api-error';

/** Request bodies of the license API are small; anything larger is refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads a JSON body within the size limit and parses it with a zod schema: 415 for another
 * content type, 413 for a body over 16 KB (declared or actual), 400 for bad JSON or fields,
 * naming the first field that is wrong.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json(?:\s*;|$)/i.test(type)) {
    throw apiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw apiError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const [first] = fieldErrorsFromZod(parsed.error);
    throw apiError(
      400,
      'INVALID_BODY',
      first ? `${first.field || 'body'}: ${first.message}` : 'The request body is not valid.',
    );
  }
  return parsed.data;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw apiError(400, 'INVALID_JSON', 'The request body is not valid UTF-8 JSON.');
  }
}

function tooLarge(maxBytes: number) {
  return apiError(413, 'BODY_TOO_LARGE', `The request body is larger than ${maxBytes / 1024} KB.`);
}
