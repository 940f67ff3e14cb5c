import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * The secrets of the device-link flow. The device code and the device secret are 256-bit random
 * values the app keeps; the database stores only their SHA-256. The user code is what a person
 * reads and types: 8 letters from an alphabet without vowels or look-alikes (RFC 8628 §6.1),
 * about 34.6 bits, shown as WDJB-MJHT; guessing is also rate-limited and a code lives 15 minutes.
 */

export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function newUserCode(): string {
  let code = '';
  for (let index = 0; index < USER_CODE_LENGTH; index += 1) {
    code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A user code as typed: case, spaces and hyphens do not matter. Undefined when it cannot be a
 * code at all (so it is refused without a database lookup).
 */
export function normalizeUserCode(input: string): string | undefined {
  const letters = input.toUpperCase().replace(/[\s-]/g, '');
  if (letters.length !== USER_CODE_LENGTH) return undefined;
  if (![...letters].every((letter) => USER_CODE_ALPHABET.includes(letter))) return undefined;
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
