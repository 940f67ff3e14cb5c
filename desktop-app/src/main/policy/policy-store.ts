import { z } from 'zod';
import { FlowDeskError } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { evaluatePolicies, requiredSettings } from '@flowdesk/shared/policy';
import type {
  Enforcement,
  Policy,
  PolicyAction,
  PolicyBundle,
  PolicyDecision,
  PolicyReport,
  PolicyReportOutcome,
  RequiredSettings,
} from '@flowdesk/shared/policy';

/** Where the signed bundle is kept (data/policies.json); injected so tests need no disk. */
export interface PolicyFile {
  read(): string | undefined;
  write(text: string): void;
}

const fileSchema = z.strictObject({ version: z.literal(1), token: z.string().min(1).max(262_144) });

export interface PolicyStoreOptions {
  file: PolicyFile;
  /** verifyPolicyBundle with the pinned keys and the license's organization. */
  verify: (token: string, currentIssuedAt: number | undefined) => Promise<Result<PolicyBundle>>;
  /** Every decision with findings goes into the audit trail. */
  record?: (
    decision: PolicyDecision,
    action: PolicyAction,
    workspaceId: string | undefined,
  ) => void;
  onChange?: (bundle: PolicyBundle | undefined) => void;
  /** This build's version, for minimum-version policies. */
  appVersion?: string;
  clock?: () => number;
}

const REPORT_OUTCOME: Record<Enforcement, PolicyReportOutcome> = {
  strict: 'blocked',
  warn: 'warned',
  audit: 'recorded',
};

/**
 * The organization's policies in the desktop app (issue 10): the last valid signed bundle, kept
 * on disk as it came (and verified again at each start, so an edited file is refused), replaced
 * only by a valid, newer one. Every decision the app asks for goes through the shared evaluator.
 */
export class PolicyStore {
  private bundle: PolicyBundle | undefined;
  /** Findings since the last report the website received, by policy, version and outcome. */
  private readonly counts = new Map<string, PolicyReport['findings'][number]>();
  private countingSince: number;

  constructor(private readonly options: PolicyStoreOptions) {
    this.countingSince = (options.clock ?? Date.now)();
  }

  /** Reads the kept bundle; a damaged or edited one is refused, and no policy applies. */
  async load(): Promise<{ policies: number; problem?: FlowDeskError }> {
    let text: string | undefined;
    try {
      text = this.options.file.read();
    } catch (error) {
      return {
        policies: 0,
        problem: new FlowDeskError(
          'POLICY_FILE_UNREADABLE',
          'The kept policies could not be read.',
          { cause: error },
        ),
      };
    }
    if (text === undefined) return { policies: 0 };
    let token: string | undefined;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) token = parsed.data.token;
    } catch {
      // Not JSON: damaged.
    }
    if (token === undefined) {
      return {
        policies: 0,
        problem: new FlowDeskError(
          'POLICY_FILE_DAMAGED',
          'The kept policies are damaged; they come again with the next license check.',
        ),
      };
    }
    const verified = await this.options.verify(token, undefined);
    if (!verified.ok) return { policies: 0, problem: verified.error };
    this.bundle = verified.value;
    this.options.onChange?.(this.bundle);
    return { policies: this.bundle.policies.length };
  }

  /** A bundle from the website: kept only if it is valid and not older than the one in force. */
  async apply(token: string): Promise<Result<PolicyBundle>> {
    const verified = await this.options.verify(token, this.bundle?.issuedAt);
    if (!verified.ok) return verified;
    this.options.file.write(`${JSON.stringify({ version: 1, token })}\n`);
    this.bundle = verified.value;
    this.options.onChange?.(this.bundle);
    return verified;
  }

  policies(): readonly Policy[] {
    return this.bundle?.policies ?? [];
  }

  get organizationId(): string | undefined {
    return this.bundle?.organizationId;
  }

  decide(action: PolicyAction, workspaceId?: string): PolicyDecision {
    // Below a strict minimum version, services neither open nor get added until Flow Desk is
    // updated; the workspaces and their data stay as they are.
    const outdated =
      action.action === 'add-service' || action.action === 'open-service'
        ? this.versionDecision()
        : undefined;
    const decision =
      outdated && !outdated.allowed ? outdated : evaluatePolicies(this.policies(), action);
    if (decision.findings.length > 0) {
      this.count(decision);
      this.options.record?.(decision, action, workspaceId);
    }
    return decision;
  }

  /**
   * Checks this build against minimum-version policies (at start and when policies change):
   * recorded like any decision; strict blocks services until the update, warn only says so.
   */
  checkVersion(): PolicyDecision | undefined {
    if (!this.options.appVersion) return undefined;
    return this.decide({ action: 'start', appVersion: this.options.appVersion });
  }

  private versionDecision(): PolicyDecision | undefined {
    if (!this.options.appVersion) return undefined;
    return evaluatePolicies(this.policies(), {
      action: 'start',
      appVersion: this.options.appVersion,
    });
  }

  private count(decision: PolicyDecision): void {
    for (const finding of decision.findings) {
      const outcome = REPORT_OUTCOME[finding.enforcement];
      const key = `${finding.policyId}\u0000${finding.policyVersion}\u0000${outcome}`;
      const entry = this.counts.get(key) ?? {
        policyId: finding.policyId,
        version: finding.policyVersion,
        outcome,
        count: 0,
      };
      entry.count = Math.min(entry.count + 1, 1_000_000);
      this.counts.set(key, entry);
    }
  }

  /** What to tell the website at the next license check, if anything happened. */
  pendingReport(): PolicyReport | undefined {
    if (this.counts.size === 0) return undefined;
    return {
      since: new Date(this.countingSince).toISOString(),
      findings: [...this.counts.values()].slice(0, 100).map((entry) => ({ ...entry })),
    };
  }

  /** The website has the report: those counts are not sent again (newer ones stay). */
  reportDelivered(report: PolicyReport): void {
    for (const sent of report.findings) {
      const key = `${sent.policyId}\u0000${sent.version}\u0000${sent.outcome}`;
      const entry = this.counts.get(key);
      if (!entry) continue;
      entry.count -= sent.count;
      if (entry.count <= 0) this.counts.delete(key);
    }
    if (this.counts.size === 0) this.countingSince = (this.options.clock ?? Date.now)();
  }

  required(): RequiredSettings {
    return requiredSettings(this.policies());
  }
}

/** The error a blocked action answers with: the message names the policy. */
export function policyBlocked(decision: PolicyDecision): FlowDeskError {
  return new FlowDeskError(
    'POLICY_BLOCKED',
    decision.message ?? 'Your organization’s policy does not allow this.',
    {
      details: {
        policies: decision.findings
          .filter((finding) => finding.enforcement === 'strict')
          .map((finding) => finding.policyId),
      },
    },
  );
}
