import { z } from 'zod';

/**
 * Enterprise policies (ARCHITECTURE.md decision 13, issue 10): what an organization's
 * administrators allow in its people's workspaces. Authored on the website, delivered signed,
 * evaluated here by one pure evaluator, enforced by the apps.
 */

const serviceType = z.string().min(1).max(100);
/** `example.com` (and its subdomains), `*.example.com` (subdomains only), or a URL prefix ending in `*`. */
export const urlPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine(
    (pattern) =>
      /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(pattern) ||
      /^https?:\/\/[^\s]+\*?$/i.test(pattern),
    'Use a host (example.com, *.example.com) or an address prefix (https://example.com/path*).',
  );
const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'Use a version like 1.4.0.');

/** The rule kinds this version knows. */
export const knownRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('allowed-service-types'),
    types: z.array(serviceType).min(1).max(500),
  }),
  z.strictObject({
    kind: z.literal('blocked-service-types'),
    types: z.array(serviceType).min(1).max(500),
  }),
  z.strictObject({
    kind: z.literal('url-allow'),
    patterns: z.array(urlPatternSchema).min(1).max(500),
  }),
  z.strictObject({
    kind: z.literal('url-block'),
    patterns: z.array(urlPatternSchema).min(1).max(500),
  }),
  z.strictObject({ kind: z.literal('force-isolation') }),
  z.strictObject({ kind: z.literal('no-custom-services') }),
  z.strictObject({ kind: z.literal('clear-sessions-on-exit') }),
  z.strictObject({ kind: z.literal('max-workspaces'), max: z.int().min(1).max(200) }),
  z.strictObject({ kind: z.literal('backups-encrypted-with-passphrase') }),
  z.strictObject({ kind: z.literal('no-session-data-in-backups') }),
  z.strictObject({ kind: z.literal('min-app-version'), version: semver }),
  z.strictObject({
    kind: z.literal('license-check-interval'),
    maxHours: z
      .int()
      .min(1)
      .max(24 * 30),
  }),
]);
export type KnownRule = z.infer<typeof knownRuleSchema>;
export type RuleKind = KnownRule['kind'];
export const RULE_KINDS = knownRuleSchema.options.map((option) => option.shape.kind.value);

/**
 * A rule of a kind this version does not know (from a newer server). Ignored only when the
 * server marked it safe to ignore; otherwise the whole policy holds strictly (fail closed).
 */
const unknownRuleSchema = z
  .object({ kind: z.string().min(1).max(100), safeToIgnore: z.boolean().default(false) })
  .passthrough();

export type PolicyRule = KnownRule | { kind: 'unknown'; name: string; safeToIgnore: boolean };

/** Known kinds are checked strictly; anything else becomes an `unknown` rule. */
export const policyRuleSchema = z.unknown().transform((input, context): PolicyRule => {
  const known = knownRuleSchema.safeParse(input);
  if (known.success) return known.data;
  const unknown = unknownRuleSchema.safeParse(input);
  if (unknown.success && !(RULE_KINDS as readonly string[]).includes(unknown.data.kind)) {
    return { kind: 'unknown', name: unknown.data.kind, safeToIgnore: unknown.data.safeToIgnore };
  }
  for (const issue of known.error.issues)
    context.addIssue({ ...issue, code: 'custom', message: issue.message });
  return z.NEVER;
});

export const ENFORCEMENTS = ['strict', 'warn', 'audit'] as const;
export type Enforcement = (typeof ENFORCEMENTS)[number];

/** The seed's Policy, versioned. */
export const policySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().trim().min(1).max(100),
  type: z.enum(['security', 'access', 'data', 'usage']),
  enforcement: z.enum(ENFORCEMENTS),
  /** Raised at each change; apps keep the highest they have seen. */
  version: z.int().min(1),
  rules: z.array(policyRuleSchema).min(1).max(50),
});
export type Policy = z.infer<typeof policySchema>;

/** What an organization's apps receive (signed by the website). */
export const policyBundleSchema = z.strictObject({
  organizationId: z.string().min(1).max(100),
  /** Seconds since the epoch. */
  issuedAt: z.int().min(0),
  policies: z.array(policySchema).max(100),
});
export type PolicyBundle = z.infer<typeof policyBundleSchema>;
