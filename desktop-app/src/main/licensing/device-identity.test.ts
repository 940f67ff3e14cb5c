import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceFingerprintHash } from './device-identity';

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-device-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the device identity', () => {
  it('is made once, kept, and only its hash is used', () => {
    const path = join(folder, 'device-id');
    const first = deviceFingerprintHash(path);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceFingerprintHash(path)).toBe(first);
    expect(readFileSync(path, 'utf8')).not.toContain(first);
    writeFileSync(path, 'damaged');
    expect(deviceFingerprintHash(path)).not.toBe(first);
    // A folder that does not exist yet is made; one that cannot be still gives an identity.
    expect(deviceFingerprintHash(join(folder, 'new', 'device-id'))).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceFingerprintHash(join(path, 'inside-a-file', 'device-id'))).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });
});
