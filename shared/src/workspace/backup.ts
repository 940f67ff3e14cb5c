import { z } from 'zod';
import { isoDateTime } from './fields';
import { idSchema } from './ids';

/**
 * The backup file's metadata header (ARCHITECTURE.md decision 8): the seed's BackupMetadata plus
 * what a reader needs to decrypt and verify the payload. The payload itself (gzip, then
 * AES-256-GCM) is written by the desktop app; this is the documented, versioned contract.
 */

export const BACKUP_FORMAT_VERSION = 1;

export const backupEncryptionSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('passphrase'),
    algorithm: z.literal('aes-256-gcm'),
    kdf: z.strictObject({
      name: z.literal('scrypt'),
      /** CPU/memory cost, a power of two. */
      N: z
        .int()
        .min(2 ** 14)
        .max(2 ** 22)
        .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two.'),
      r: z.int().min(1).max(32),
      p: z.int().min(1).max(16),
      salt: z.base64().min(16),
    }),
    iv: z.base64(),
  }),
  z.strictObject({
    /** A random key wrapped by the OS keychain (safeStorage): restorable on this device only. */
    method: z.literal('device-key'),
    algorithm: z.literal('aes-256-gcm'),
    keyId: z.string().min(1).max(100),
    iv: z.base64(),
  }),
  z.strictObject({ method: z.literal('none') }),
]);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const backupMetadataSchema = z
  .strictObject({
    format: z.literal('flowdesk-backup'),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    id: idSchema,
    timestamp: isoDateTime,
    /** The app version that wrote the backup. */
    version: z.string().min(1).max(50),
    type: z.enum(['full', 'incremental', 'differential']),
    /** For an incremental backup: the backup it builds on (restoring needs the whole chain). */
    parentId: idSchema.optional(),
    /** The parent's checksum: the chain holds only if the parent is that exact file. */
    parentChecksum: sha256Hex.optional(),
    /** Bytes of the payload as stored (compressed and encrypted). */
    size: z.int().min(0),
    /**
     * SHA-256 (hex) of the header's other fields (canonical JSON, as in docs/formats/backup.md)
     * followed by the stored payload bytes: any changed byte of either is detected, encrypted or not.
     */
    checksum: sha256Hex,
    encryption: backupEncryptionSchema,
    compression: z.enum(['none', 'gzip']),
    retentionPolicy: z.string().min(1).max(100),
    /** The workspaces inside, or all of them when absent. */
    workspaceIds: z.array(idSchema).max(1000).optional(),
    workspaceCount: z.int().min(0),
    serviceCount: z.int().min(0),
    includesBrowserSessions: z.boolean(),
    storeSchemaVersion: z.int().min(1),
  })
  .superRefine((metadata, context) => {
    const hasParent = metadata.parentId !== undefined && metadata.parentChecksum !== undefined;
    const hasNone = metadata.parentId === undefined && metadata.parentChecksum === undefined;
    if (metadata.type === 'full' ? !hasNone : !hasParent) {
      context.addIssue({
        code: 'custom',
        path: ['parentId'],
        message:
          metadata.type === 'full'
            ? 'A full backup builds on no other backup.'
            : 'An incremental backup names the backup it builds on and that backup’s checksum.',
      });
    }
  });

/** The seed's BackupOptions. */
export const backupOptionsSchema = z.strictObject({
  includeServiceConfigs: z.boolean().default(true),
  /** Cookies, localStorage, IndexedDB of the service sessions: large, and sign-ins travel with them. */
  includeBrowserSessions: z.boolean().default(false),
  compression: z.enum(['none', 'gzip']).default('gzip'),
  encryption: z.boolean().default(true),
});

export type BackupEncryption = z.infer<typeof backupEncryptionSchema>;
export type BackupMetadata = z.infer<typeof backupMetadataSchema>;
export type BackupOptions = z.infer<typeof backupOptionsSchema>;
