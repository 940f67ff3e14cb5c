export {
  ENFORCEMENTS,
  RULE_KINDS,
  knownRuleSchema,
  policyBundleSchema,
  policyRuleSchema,
  policySchema,
  urlPatternSchema,
} from './policy';
export type { Enforcement, KnownRule, Policy, PolicyBundle, PolicyRule, RuleKind } from './policy';
export {
  compareVersions,
  evaluatePolicies,
  requiredSettings,
  urlMatchesPattern,
  validatePolicy,
} from './evaluate';
export type { PolicyAction, PolicyDecision, PolicyFinding, RequiredSettings } from './evaluate';
export { POLICY_BUNDLE_TYPE, signPolicyBundle, verifyPolicyBundle } from './bundle-token';
export type { VerifyPolicyBundleOptions } from './bundle-token';
export { policyReportSchema } from './report';
export type { PolicyReport, PolicyReportOutcome } from './report';
