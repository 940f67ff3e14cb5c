import { createHash, randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FlowDeskError } from '@flowdesk/shared/core';
import type { AuditVerification } from '@flowdesk/shared/ipc';
import { AUDIT_GENESIS_HASH, canonicalJson, isId } from '@flowdesk/shared/workspace';
import type { WorkspaceAuditEntry } from '@flowdesk/shared/workspace';
import { GENESIS_HEAD, buildAuditEntry, parseAuditLine, verifyAuditChain } from './audit-chain';
import type { AuditEventInput, Sha256 } from './audit-chain';
import { readTextFile, writeFileAtomic } from './atomic-file';

/**
 * The audit trail (ARCHITECTURE.md decision 7): one append-only JSON-lines file per workspace;
 * every entry carries the SHA-256 of the previous one, so an edited, removed or reordered entry
 * is found by `verify`. Retention removes whole days from the start and records where the kept
 * chain begins (an anchor file), so pruning is not mistaken for tampering.
 */

export type { AuditEventInput } from './audit-chain';

export interface AuditTrailOptions {
  directory: string;
  /** Recorded in each entry: which app wrote it ("Flow Desk/0.1.0 (linux)"). */
  userAgent: string;
  retentionDays: number;
  now?: () => Date;
}

const anchorSchema = z.strictObject({
  sequence: z.int().min(0),
  previousHash: z.string().regex(/^[0-9a-f]{64}$/),
});
type Anchor = z.infer<typeof anchorSchema>;

export function hashAuditEntry(entry: Omit<WorkspaceAuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

/** SHA-256 hex of a text with node:crypto, in the shape the chain helpers take. */
const sha256: Sha256 = (text) => Promise.resolve(createHash('sha256').update(text).digest('hex'));

export class AuditTrail {
  private readonly directory: string;
  private readonly now: () => Date;
  /** Appends to one workspace's file run one after another. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly heads = new Map<string, { sequence: number; hash: string }>();

  constructor(private readonly options: AuditTrailOptions) {
    this.directory = join(options.directory, 'audit');
    this.now = options.now ?? (() => new Date());
  }

  /** The seed's logWorkspaceEvent: appends one chained entry. */
  logWorkspaceEvent(input: AuditEventInput): Promise<WorkspaceAuditEntry> {
    const workspaceId = this.checkId(input.workspaceId);
    return this.enqueue(workspaceId, async () => {
      const head = await this.head(workspaceId);
      const entry = await buildAuditEntry(
        { ...input, workspaceId },
        head,
        {
          id: randomUUID(),
          timestamp: this.now().toISOString(),
          userAgent: this.options.userAgent,
        },
        sha256,
      );
      await mkdir(this.directory, { recursive: true });
      await appendFile(this.filePath(workspaceId), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      this.heads.set(workspaceId, { sequence: entry.sequence + 1, hash: entry.hash });
      return entry;
    });
  }

  /** The seed's getWorkspaceAuditTrail: newest first, readable entries only. */
  async getWorkspaceAuditTrail(
    workspaceId: string,
    options: { limit?: number; beforeSequence?: number } = {},
  ): Promise<WorkspaceAuditEntry[]> {
    const id = this.checkId(workspaceId);
    // Appends still queued belong in the answer.
    await this.queues.get(id);
    const entries = (await this.lines(id))
      .map((line) => parseAuditLine(line))
      .filter((entry): entry is WorkspaceAuditEntry => entry !== undefined)
      .filter(
        (entry) => options.beforeSequence === undefined || entry.sequence < options.beforeSequence,
      );
    return entries.reverse().slice(0, options.limit ?? 200);
  }

  /** Walks the chain and reports the first entry that is unreadable, missing or changed. */
  async verify(workspaceId: string): Promise<AuditVerification> {
    const id = this.checkId(workspaceId);
    await this.queues.get(id);
    const anchor = this.readAnchor(id);
    const start = anchor ? { sequence: anchor.sequence, hash: anchor.previousHash } : GENESIS_HEAD;
    return verifyAuditChain(await this.lines(id), start, sha256);
  }

  /** Removes entries older than the retention period; returns how many were removed. */
  applyRetention(workspaceId: string): Promise<number> {
    const id = this.checkId(workspaceId);
    return this.enqueue(id, async () => {
      const cutoff = this.now().getTime() - this.options.retentionDays * 24 * 60 * 60 * 1000;
      const lines = await this.lines(id);
      const firstKept = lines.findIndex((line) => {
        const entry = parseAuditLine(line);
        return entry === undefined || Date.parse(entry.timestamp) >= cutoff;
      });
      const removeCount = firstKept === -1 ? lines.length : firstKept;
      if (removeCount === 0) return 0;
      const kept = lines.slice(removeCount);
      const lastRemoved = parseAuditLine(lines[removeCount - 1] ?? '');
      if (!lastRemoved) return 0;
      const anchor: Anchor = { sequence: lastRemoved.sequence + 1, previousHash: lastRemoved.hash };
      writeFileAtomic(this.anchorPath(id), `${JSON.stringify(anchor)}\n`);
      writeFileAtomic(this.filePath(id), kept.map((line) => `${line}\n`).join(''));
      return removeCount;
    });
  }

  private async head(workspaceId: string): Promise<{ sequence: number; hash: string }> {
    const cached = this.heads.get(workspaceId);
    if (cached) return cached;
    const anchor = this.readAnchor(workspaceId);
    let head = {
      sequence: anchor?.sequence ?? 0,
      hash: anchor?.previousHash ?? AUDIT_GENESIS_HASH,
    };
    for (const line of await this.lines(workspaceId)) {
      const entry = parseAuditLine(line);
      // A torn last line (a crash mid-write) is skipped; verify reports it.
      if (entry) head = { sequence: entry.sequence + 1, hash: entry.hash };
    }
    return head;
  }

  private async lines(workspaceId: string): Promise<string[]> {
    try {
      const text = await readFile(this.filePath(workspaceId), 'utf8');
      return text.split('\n').filter((line) => line.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new FlowDeskError(
        'AUDIT_UNREADABLE',
        'The audit trail of this workspace cannot be read.',
        { cause: error },
      );
    }
  }

  private readAnchor(workspaceId: string): Anchor | undefined {
    const file = readTextFile(this.anchorPath(workspaceId));
    if (file.kind !== 'text') return undefined;
    try {
      const parsed = anchorSchema.safeParse(JSON.parse(file.text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private enqueue<T>(workspaceId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workspaceId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(
      workspaceId,
      next.catch(() => undefined),
    );
    return next;
  }

  private checkId(workspaceId: string): string {
    if (!isId(workspaceId)) {
      throw new FlowDeskError(
        'AUDIT_INVALID_WORKSPACE',
        'This is not a workspace id, so it has no audit trail.',
      );
    }
    return workspaceId;
  }

  private filePath(workspaceId: string): string {
    return join(this.directory, `${workspaceId}.jsonl`);
  }

  private anchorPath(workspaceId: string): string {
    return join(this.directory, `${workspaceId}.anchor.json`);
  }
}
