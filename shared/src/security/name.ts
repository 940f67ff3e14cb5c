import { invalid, valid } from '../core';
import type { FieldError, ValidationResult } from '../core';

/** Longest service or workspace name, in characters (code points). */
export const MAX_NAME_LENGTH = 64;

/**
 * Characters that change how text displays without being visible: bidi overrides and isolates
 * (which can make "gpj.exe" read as "exe.jpg"), zero-width spaces, word joiners, the BOM, soft
 * hyphens. Zero-width (non-)joiners U+200C/U+200D stay: emoji sequences and Persian need them.
 */
const INVISIBLE_FORMATTING =
  /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;
/** UTF-16 halves without their other half: not text, and they break JSON and rendering. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Cleans a name without shortening it: the validators need the full length to report it.
 * Normalised last, so removing an invisible character cannot leave letters to compose (cleaning
 * twice gives the same name); a name with nothing but joiners and spaces has nothing visible.
 */
function cleanName(input: string): string {
  const cleaned = input
    .replace(LONE_SURROGATE, '')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE_FORMATTING, '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
  return /^[\u200c\u200d\s]*$/u.test(cleaned) ? '' : cleaned;
}

function truncate(text: string, maxCodePoints: number): string {
  const codePoints = [...text];
  if (codePoints.length <= maxCodePoints) return text;
  // Do not leave a dangling joiner or space where the cut falls.
  return codePoints
    .slice(0, maxCodePoints)
    .join('')
    .replace(/[\u200c\u200d\s]+$/u, '');
}

/**
 * The seed's `sanitizeServiceName`: a name safe to show anywhere (sidebar, tray menu,
 * notifications, window title). Normalises to NFC, turns control characters and line breaks
 * into spaces, removes invisible formatting characters, collapses runs of whitespace, trims, and
 * cuts to {@link MAX_NAME_LENGTH} characters. Returns '' for anything that is not text.
 */
export function sanitizeServiceName(input: unknown): string {
  return typeof input === 'string' ? truncate(cleanName(input), MAX_NAME_LENGTH) : '';
}

function validateName(input: unknown, field: string, what: string): ValidationResult<string> {
  if (input !== undefined && input !== null && typeof input !== 'string') {
    return invalid([{ field, code: 'NAME_INVALID', message: `The ${what} name must be text.` }]);
  }
  const cleaned = cleanName(input ?? '');
  if (cleaned === '') {
    return invalid([{ field, code: 'NAME_EMPTY', message: `Enter a name for the ${what}.` }]);
  }
  const length = [...cleaned].length;
  if (length > MAX_NAME_LENGTH) {
    return invalid([
      {
        field,
        code: 'NAME_TOO_LONG',
        message: `Use at most ${MAX_NAME_LENGTH} characters for the ${what} name (this one has ${length}).`,
      },
    ]);
  }
  const warnings: FieldError[] = [];
  if (cleaned !== (input ?? '').trim().replace(/\s+/gu, ' ').normalize('NFC')) {
    warnings.push({
      field,
      code: 'NAME_CHARACTERS_REMOVED',
      message: 'Invisible or control characters were removed from the name.',
    });
  }
  return valid(cleaned, warnings);
}

/** A service name as the user typed it → the cleaned name, or why it cannot be used. */
export function validateServiceName(input: unknown, field = 'name'): ValidationResult<string> {
  return validateName(input, field, 'service');
}

/** A workspace name as the user typed it → the cleaned name, or why it cannot be used. */
export function validateWorkspaceName(input: unknown, field = 'name'): ValidationResult<string> {
  return validateName(input, field, 'workspace');
}
