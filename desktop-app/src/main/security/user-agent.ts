/**
 * Service views present a clean Chrome user agent (ARCHITECTURE.md decision 5): Google sign-in,
 * WhatsApp Web and others refuse or degrade "Electron" browsers. The app's own token and the
 * Electron token are removed and Chrome's version is reduced the way Chrome itself reports it
 * (major.0.0.0), so the string matches a real Chrome of the same version.
 */

const EXTRA_TOKENS = /\s+(?:Electron|flow-desk|Flow ?Desk|@flowdesk\/[a-z-]+)\/\S+/gi;

export function cleanUserAgent(electronUserAgent: string): string {
  return electronUserAgent
    .replace(EXTRA_TOKENS, '')
    .replace(/Chrome\/(\d+)\.\d+\.\d+\.\d+/, 'Chrome/$1.0.0.0')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A per-service override: one line of printable ASCII, at most 512 characters, or nothing. */
export function userAgentFor(serviceOverride: string | undefined, cleanDefault: string): string {
  if (serviceOverride === undefined) return cleanDefault;
  const trimmed = serviceOverride.trim();
  return /^[\x20-\x7e]{1,512}$/.test(trimmed) ? trimmed : cleanDefault;
}
