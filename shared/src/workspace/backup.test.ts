import { describe, expect, it } from 'vitest';
import { backupMetadataSchema, backupOptionsSchema } from './backup';

const metadata = {
  format: 'flowdesk-backup',
  formatVersion: 1,
  id: 'b1',
  timestamp: '2026-11-24T10:00:00.000Z',
  version: '0.1.0',
  type: 'full',
  size: 1234,
  checksum: 'f'.repeat(64),
  encryption: {
    method: 'passphrase',
    algorithm: 'aes-256-gcm',
    kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' },
    iv: 'aXZpdml2aXZpdml2',
  },
  compression: 'gzip',
  retentionPolicy: 'keep-10',
  workspaceCount: 2,
  serviceCount: 9,
  includesBrowserSessions: false,
  storeSchemaVersion: 1,
};

describe('backup metadata', () => {
  it('accepts the documented header', () => {
    expect(backupMetadataSchema.safeParse(metadata).success).toBe(true);
    expect(
      backupMetadataSchema.safeParse({ ...metadata, encryption: { method: 'none' } }).success,
    ).toBe(true);
  });

  it('ties an incremental backup to its parent, and a full one to none', () => {
    const parent = { parentId: 'b0', parentChecksum: 'a'.repeat(64) };
    const valid = (value: object) => backupMetadataSchema.safeParse(value).success;
    expect(valid({ ...metadata, type: 'incremental', ...parent })).toBe(true);
    expect(valid({ ...metadata, type: 'incremental', parentId: 'b0' })).toBe(false);
    expect(valid({ ...metadata, type: 'incremental' })).toBe(false);
    expect(valid({ ...metadata, ...parent })).toBe(false);
    expect(valid({ ...metadata, type: 'incremental', ...parent, parentChecksum: 'A1' })).toBe(
      false,
    );
  });

  it('refuses weak key derivation and unknown formats', () => {
    const weak = {
      ...metadata,
      encryption: { ...metadata.encryption, kdf: { ...metadata.encryption.kdf, N: 1024 } },
    };
    expect(backupMetadataSchema.safeParse(weak).success).toBe(false);
    const notPowerOfTwo = {
      ...metadata,
      encryption: { ...metadata.encryption, kdf: { ...metadata.encryption.kdf, N: 2 ** 17 + 1 } },
    };
    expect(backupMetadataSchema.safeParse(notPowerOfTwo).success).toBe(false);
    expect(backupMetadataSchema.safeParse({ ...metadata, formatVersion: 2 }).success).toBe(false);
    expect(backupMetadataSchema.safeParse({ ...metadata, checksum: 'abc' }).success).toBe(false);
  });

  it('defaults to an encrypted, compressed backup without browser sessions', () => {
    expect(backupOptionsSchema.parse({})).toEqual({
      includeServiceConfigs: true,
      includeBrowserSessions: false,
      compression: 'gzip',
      encryption: true,
    });
  });
});
