import { describe, expect, it } from 'vitest';
import { isOriginInScope } from '@flowdesk/shared/security';
import { scopeForService } from './service-scope';

describe('scopeForService', () => {
  it('uses the catalog entry of a known service', () => {
    const scope = scopeForService({ type: 'slack', url: 'https://app.slack.com/client' });
    expect(isOriginInScope('https://files.slack.com/x', scope)).toBe(true);
    expect(scope.signInOrigins).toContain('https://accounts.google.com');
  });

  it('treats an unknown type as a custom service of its own URL', () => {
    const scope = scopeForService({ type: 'retired-service', url: 'https://tool.example.org/app' });
    expect(isOriginInScope('https://tool.example.org/other', scope)).toBe(true);
    expect(isOriginInScope('https://app.slack.com/', scope)).toBe(false);
  });

  it('limits a self-hosted server to its exact origin', () => {
    const scope = scopeForService({ type: 'gitlab', url: 'http://192.168.1.20:8080/' });
    expect(isOriginInScope('http://192.168.1.20:8080/group/project', scope)).toBe(true);
    expect(isOriginInScope('http://192.168.1.20:9090/', scope)).toBe(false);
  });
});
