/**
 * expo-crypto for tests, on the WebCrypto Node provides: the same answers the native module
 * gives (hex SHA-256, random bytes, UUIDs). Used as `jest.mock('expo-crypto', () =>
 * jest.requireActual('…/web-crypto-expo.test-support'))`.
 */
export const CryptoDigestAlgorithm = { SHA256: 'SHA-256' } as const;

export const randomUUID = (): string => crypto.randomUUID();

export const getRandomBytes = (count: number): Uint8Array =>
  crypto.getRandomValues(new Uint8Array(count));

export async function digestStringAsync(_algorithm: string, text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
