import { z } from 'zod';
import { CUSTOM_SERVICE_ID, SERVICE_CATALOG } from '@flowdesk/shared/catalog';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import {
  evaluatePolicies,
  policySchema,
  requiredSettings,
  validatePolicy,
} from '@flowdesk/shared/policy';
import type { PolicyAction } from '@flowdesk/shared/policy';
import type { Database } from '../db/client';
import { apiError } from '../http/api-error';
import { requireRight } from './access';

/**
 * The admin console's preview (issue 10): a draft policy checked exactly as saving would check
 * it, then run through the same evaluator the apps use against what people do every day, so an
 * administrator sees which catalog services, addresses and app versions it would stop before
 * saving it.
 */

export const previewRequestSchema = z.strictObject({
  policy: z.unknown(),
  /** Addresses to try the draft on, e.g. the ones people asked about. */
  urls: z.array(z.string().max(2000)).max(20).default([]),
  /** App versions to try a minimum-version rule on. */
  appVersions: z.array(z.string().max(50)).max(20).default([]),
});

export interface PolicyPreview {
  valid: boolean;
  /** When not valid: the first problem, and the field it is in. */
  problem?: { code: string; message: string; field?: string };
  /** Catalog services the draft would stop (strict) or flag (warn, audit). */
  services: { id: string; name: string; outcome: 'block' | 'warn' | 'audit'; message: string }[];
  urls: { url: string; outcome: 'allow' | 'block' | 'warn' | 'audit'; message?: string }[];
  appVersions: {
    version: string;
    outcome: 'allow' | 'block' | 'warn' | 'audit';
    message?: string;
  }[];
  /** Settings the draft would lock on every device (strict policies only). */
  lockedSettings: string[];
}

export async function previewPolicy(
  db: Database,
  session: OrgSession,
  input: unknown,
): Promise<PolicyPreview> {
  await requireRight(db, session, 'policies', 'manage');
  const request = previewRequestSchema.safeParse(input);
  if (!request.success) {
    throw apiError(
      400,
      'INVALID_BODY',
      request.error.issues[0]?.message ?? 'Send a policy to preview.',
    );
  }
  const empty = { services: [], urls: [], appVersions: [], lockedSettings: [] };
  const parsed = policySchema.safeParse({
    // A draft may not have its id yet.
    id: 'draft',
    ...(request.data.policy as object),
    version: 1,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      valid: false,
      problem: {
        code: 'POLICY_INVALID',
        message: issue?.message ?? 'The policy is not valid.',
        field: issue?.path.join('.') ?? '',
      },
      ...empty,
    };
  }
  const checked = validatePolicy(parsed.data);
  if (!checked.ok) {
    return {
      valid: false,
      problem: { code: checked.error.code, message: checked.error.message },
      ...empty,
    };
  }
  const policies = [parsed.data];
  const decide = (action: PolicyAction) => evaluatePolicies(policies, action);
  const services: PolicyPreview['services'] = [];
  for (const service of SERVICE_CATALOG) {
    const url = service.url ?? `https://${service.id}.example.com/`;
    const decision = decide({ action: 'add-service', service: { type: service.id, url } });
    if (decision.outcome === 'allow') continue;
    services.push({
      id: service.id,
      name: service.id === CUSTOM_SERVICE_ID ? 'Custom services' : service.name,
      outcome: decision.outcome,
      message: decision.message ?? decision.findings[0]?.message ?? '',
    });
  }
  const settings = requiredSettings(policies);
  return {
    valid: true,
    services,
    urls: request.data.urls.map((url) => {
      const decision = decide({ action: 'navigate', url });
      return { url, outcome: decision.outcome, ...outcomeMessage(decision) };
    }),
    appVersions: request.data.appVersions.map((version) => {
      const decision = decide({ action: 'start', appVersion: version });
      return { version, outcome: decision.outcome, ...outcomeMessage(decision) };
    }),
    lockedSettings: [
      ...(settings.isolation ? ['Every new service is isolated'] : []),
      ...(settings.clearSessionsOnExit ? ['Sign-ins are cleared when the app quits'] : []),
      ...(settings.licenseCheckMaxHours
        ? [`The license is checked at least every ${settings.licenseCheckMaxHours} hours`]
        : []),
      ...(settings.backupsNeedPassphrase ? ['Backups need a passphrase'] : []),
      ...(settings.noSessionsInBackups ? ['Backups never hold sign-ins'] : []),
    ],
  };
}

function outcomeMessage(decision: ReturnType<typeof evaluatePolicies>) {
  const message = decision.message ?? decision.findings[0]?.message;
  return message ? { message } : {};
}
