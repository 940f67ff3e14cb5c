import { describe, expect, it } from 'vitest';
import { createRequestBlocker } from './request-blocker';

describe('request blocker', () => {
  const decide = createRequestBlocker([
    'tracker.example.com',
    '*.ads.example.net',
    'https://cdn.example.org/miner/',
    '  ',
    'https://',
  ]);
  const slack = 'https://app.slack.com/client';

  it('lets ordinary requests of a service through', () => {
    expect(decide({ url: 'https://app.slack.com/api/x', serviceUrls: [slack] })).toBeUndefined();
    expect(decide({ url: 'https://cdn.example.org/lib.js', serviceUrls: [slack] })).toBeUndefined();
    expect(decide({ url: 'data:image/png;base64,AAAA', serviceUrls: [slack] })).toBeUndefined();
    expect(decide({ url: 'not a url', serviceUrls: [slack] })).toBeUndefined();
  });

  it('blocks listed hosts, their subdomains and URL prefixes', () => {
    expect(decide({ url: 'https://tracker.example.com/pixel', serviceUrls: [slack] })).toBe(
      'blocklist',
    );
    expect(decide({ url: 'https://eu.tracker.example.com/pixel', serviceUrls: [slack] })).toBe(
      'blocklist',
    );
    expect(decide({ url: 'https://x.ads.example.net/a.js', serviceUrls: [slack] })).toBe(
      'blocklist',
    );
    expect(decide({ url: 'https://cdn.example.org/miner/run.js', serviceUrls: [slack] })).toBe(
      'blocklist',
    );
    expect(decide({ url: 'wss://tracker.example.com/socket', serviceUrls: [slack] })).toBe(
      'blocklist',
    );
    expect(
      decide({ url: 'https://nottracker.example.com/', serviceUrls: [slack] }),
    ).toBeUndefined();
  });

  it('keeps public pages away from this computer and the private network', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://localhost:3000/api',
      'http://192.168.1.1/admin',
      'http://[::1]/',
      'ws://10.0.0.2/',
    ]) {
      expect(decide({ url, serviceUrls: [slack] }), url).toBe('private-network-from-public-page');
    }
    expect(decide({ url: 'http://192.168.1.1/', serviceUrls: [] })).toBe(
      'private-network-from-public-page',
    );
  });

  it('lets a self-hosted service on the private network reach its own network', () => {
    expect(
      decide({
        url: 'http://192.168.1.20:8123/api/states',
        serviceUrls: [slack, 'http://192.168.1.20:8123/'],
      }),
    ).toBeUndefined();
    expect(
      decide({ url: 'http://127.0.0.1:3000/', serviceUrls: ['http://localhost:3000/'] }),
    ).toBeUndefined();
  });

  it('refuses local files and browser-internal pages', () => {
    expect(decide({ url: 'file:///etc/passwd', serviceUrls: [slack] })).toBe('scheme-not-allowed');
    expect(decide({ url: 'chrome://settings', serviceUrls: [slack] })).toBe('scheme-not-allowed');
  });
});
