import { describe, expect, it } from 'vitest';
import { cleanUserAgent, userAgentFor } from './user-agent';

const electronUa =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) flow-desk/0.1.0 Chrome/142.0.7444.52 Electron/45.4.1 Safari/537.36';

describe('cleanUserAgent', () => {
  it('removes the Electron and app tokens and reduces the Chrome version', () => {
    expect(cleanUserAgent(electronUa)).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
    );
  });

  it('leaves a plain Chrome user agent as it is', () => {
    const chrome =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
    expect(cleanUserAgent(chrome)).toBe(chrome);
  });
});

describe('userAgentFor', () => {
  it('uses a valid override and ignores one that could inject headers', () => {
    expect(userAgentFor(undefined, 'clean')).toBe('clean');
    expect(userAgentFor('  Custom/1.0  ', 'clean')).toBe('Custom/1.0');
    expect(userAgentFor('Bad\r\nX-Injected: 1', 'clean')).toBe('clean');
    expect(userAgentFor('', 'clean')).toBe('clean');
    expect(userAgentFor('x'.repeat(600), 'clean')).toBe('clean');
  });
});
