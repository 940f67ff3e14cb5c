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
