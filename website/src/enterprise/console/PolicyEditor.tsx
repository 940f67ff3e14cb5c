'use client';

import { useId, useState, useTransition } from 'react';
import type { AdminResult } from '../console-session';
import { fieldClass, primaryButtonClass } from './classes';
import { ResultMessage } from './ResultMessage';
import type { ResultText } from './ResultMessage';
import type { PolicyPreview } from '../policy-preview';

/**
 * Authoring a policy (issue 10): each rule kind the apps understand, switched on with its
 * value; a preview runs the draft through the apps' own evaluator before it is saved, and the
 * server's answer (a bad value, a contradiction) is shown next to the form.
 */

type Kind =
  | 'allowed-service-types'
  | 'blocked-service-types'
  | 'url-allow'
  | 'url-block'
  | 'force-isolation'
  | 'no-custom-services'
  | 'clear-sessions-on-exit'
  | 'max-workspaces'
  | 'backups-encrypted-with-passphrase'
  | 'no-session-data-in-backups'
  | 'min-app-version'
  | 'license-check-interval';

type Input = 'services' | 'patterns' | 'none' | 'number' | 'version' | 'hours';

const RULES: { kind: Kind; label: string; input: Input; help: string }[] = [
  {
    kind: 'allowed-service-types',
    label: 'Only these services',
    input: 'services',
    help: 'Service ids, separated by commas (slack, notion).',
  },
  {
    kind: 'blocked-service-types',
    label: 'Never these services',
    input: 'services',
    help: 'Service ids, separated by commas.',
  },
  {
    kind: 'url-allow',
    label: 'Only these addresses',
    input: 'patterns',
    help: 'One per line: example.com, *.example.com or https://example.com/path*.',
  },
  { kind: 'url-block', label: 'Never these addresses', input: 'patterns', help: 'One per line.' },
  {
    kind: 'force-isolation',
    label: 'Isolate every new service',
    input: 'none',
    help: 'Each service keeps its own sign-ins and storage.',
  },
  {
    kind: 'no-custom-services',
    label: 'No custom services',
    input: 'none',
    help: 'Only services from the catalog.',
  },
  {
    kind: 'clear-sessions-on-exit',
    label: 'Clear sign-ins when the app quits',
    input: 'none',
    help: '',
  },
  {
    kind: 'max-workspaces',
    label: 'At most this many workspaces',
    input: 'number',
    help: '1 to 200.',
  },
  {
    kind: 'backups-encrypted-with-passphrase',
    label: 'Backups need a passphrase',
    input: 'none',
    help: '',
  },
  {
    kind: 'no-session-data-in-backups',
    label: 'Backups never hold sign-ins',
    input: 'none',
    help: '',
  },
  { kind: 'min-app-version', label: 'Minimum app version', input: 'version', help: 'Like 1.4.0.' },
  {
    kind: 'license-check-interval',
    label: 'Check the license at least every',
    input: 'hours',
    help: 'Hours, 1 to 720.',
  },
];

export interface EditablePolicy {
  id: string;
  name: string;
  type: 'security' | 'access' | 'data' | 'usage';
  enforcement: 'strict' | 'warn' | 'audit';
  rules: { kind: string; [key: string]: unknown }[];
}

type RuleState = Record<Kind, { on: boolean; value: string }>;

function initialRules(policy?: EditablePolicy): RuleState {
  const state = Object.fromEntries(
    RULES.map((rule) => [rule.kind, { on: false, value: '' }]),
  ) as RuleState;
  for (const rule of policy?.rules ?? []) {
    const kind = rule.kind as Kind;
    if (!(kind in state)) continue;
    const value = Array.isArray(rule.types)
      ? rule.types.join(', ')
      : Array.isArray(rule.patterns)
        ? rule.patterns.join('\n')
        : ([rule.max, rule.version, rule.maxHours]
            .find((item) => typeof item === 'string' || typeof item === 'number')
            ?.toString() ?? '');
    state[kind] = { on: true, value };
  }
  return state;
}

function ruleOf(kind: Kind, input: Input, value: string): Record<string, unknown> {
  const list = (separator: RegExp) =>
    value
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean);
  switch (input) {
    case 'services':
      return { kind, types: list(/[,\s]+/) };
    case 'patterns':
      return { kind, patterns: list(/\n+/) };
    case 'number':
      return { kind, max: Number(value) };
    case 'version':
      return { kind, version: value.trim() };
    case 'hours':
      return { kind, maxHours: Number(value) };
    default:
      return { kind };
  }
}

const OUTCOME_WORDS = {
  allow: 'allowed',
  block: 'blocked',
  warn: 'allowed with a warning',
  audit: 'allowed, recorded',
};

export function PolicyEditor({
  policy,
  serviceIds,
  preview,
  save,
}: {
  policy?: EditablePolicy;
  serviceIds: string[];
  preview: (input: unknown) => Promise<AdminResult<PolicyPreview>>;
  save: (input: unknown) => Promise<AdminResult<{ version: number }>>;
}) {
  const formId = useId();
  const [id, setId] = useState(policy?.id ?? '');
  const [name, setName] = useState(policy?.name ?? '');
  const [type, setType] = useState<EditablePolicy['type']>(policy?.type ?? 'security');
  const [enforcement, setEnforcement] = useState<EditablePolicy['enforcement']>(
    policy?.enforcement ?? 'warn',
  );
  const [rules, setRules] = useState<RuleState>(() => initialRules(policy));
  const [tryUrls, setTryUrls] = useState('');
  const [tryVersions, setTryVersions] = useState('');
  const [result, setResult] = useState<PolicyPreview | null>(null);
  const [message, setMessage] = useState<ResultText | null>(null);
  const [pending, start] = useTransition();

  const draft = () => ({
    id,
    name,
    type,
    enforcement,
    rules: RULES.filter((rule) => rules[rule.kind].on).map((rule) =>
      ruleOf(rule.kind, rule.input, rules[rule.kind].value),
    ),
  });
  const runPreview = () =>
    start(async () => {
      const answer = await preview({
        policy: draft(),
        urls: tryUrls.split(/\s+/).filter(Boolean),
        appVersions: tryVersions.split(/[,\s]+/).filter(Boolean),
      });
      if (!answer.ok) {
        setMessage({ ok: false, text: answer.message });
        setResult(null);
        return;
      }
      setResult(answer.value);
      setMessage(
        answer.value.valid
          ? null
          : { ok: false, text: answer.value.problem?.message ?? 'The policy is not valid.' },
      );
    });
  const runSave = () =>
    start(async () => {
      const answer = await save(draft());
      setMessage(
        answer.ok
          ? {
              ok: true,
              text: `Saved as version ${answer.value.version}. Devices get it at their next license check.`,
            }
          : {
              ok: false,
              text: answer.field ? `${answer.message} (${answer.field})` : answer.message,
            },
      );
    });

  const field = fieldClass;
  return (
    <form
      aria-label={policy ? `Edit ${policy.name}` : 'New policy'}
      className="mt-4 space-y-4 rounded-lg border border-neutral-200 p-6 dark:border-neutral-800"
      onSubmit={(event) => {
        event.preventDefault();
        runSave();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          Policy id
          <input
            className={field}
            value={id}
            onChange={(event) => setId(event.target.value)}
            readOnly={!!policy}
            required
            pattern="[a-z0-9][a-z0-9\-]{0,62}"
            placeholder="approved-apps"
            aria-describedby={`${formId}-id-help`}
          />
          <span id={`${formId}-id-help`} className="text-xs text-neutral-500">
            Lower-case letters, digits and dashes; it cannot change later.
          </span>
        </label>
        <label className="block text-sm">
          Name
          <input
            className={field}
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
          />
        </label>
        <label className="block text-sm">
          Type
          <select
            className={field}
            value={type}
            onChange={(event) => setType(event.target.value as EditablePolicy['type'])}
          >
            <option value="security">Security</option>
            <option value="access">Access</option>
            <option value="data">Data</option>
            <option value="usage">Usage</option>
          </select>
        </label>
        <label className="block text-sm">
          Enforcement
          <select
            className={field}
            value={enforcement}
            onChange={(event) =>
              setEnforcement(event.target.value as EditablePolicy['enforcement'])
            }
          >
            <option value="strict">Strict: block, and say which policy</option>
            <option value="warn">Warn: allow with a banner</option>
            <option value="audit">Audit: allow, only record</option>
          </select>
        </label>
      </div>

      <fieldset>
        <legend className="font-semibold">Rules</legend>
        <datalist id={`${formId}-services`}>
          {serviceIds.map((service) => (
            <option key={service} value={service} />
          ))}
        </datalist>
        <ul className="mt-2 space-y-3">
          {RULES.map((rule) => {
            const state = rules[rule.kind];
            const update = (next: Partial<{ on: boolean; value: string }>) =>
              setRules((current) => ({
                ...current,
                [rule.kind]: { ...current[rule.kind], ...next },
              }));
            return (
              <li key={rule.kind} className="text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={state.on}
                    onChange={(event) => update({ on: event.target.checked })}
                  />
                  {rule.label}
                </label>
                {state.on && rule.input !== 'none' ? (
                  rule.input === 'patterns' ? (
                    <textarea
                      aria-label={rule.label}
                      className={field}
                      rows={3}
                      value={state.value}
                      onChange={(event) => update({ value: event.target.value })}
                    />
                  ) : (
                    <input
                      aria-label={rule.label}
                      className={field}
                      value={state.value}
                      list={rule.input === 'services' ? `${formId}-services` : undefined}
                      inputMode={
                        rule.input === 'number' || rule.input === 'hours' ? 'numeric' : undefined
                      }
                      onChange={(event) => update({ value: event.target.value })}
                    />
                  )
                ) : null}
                {state.on && rule.help ? (
                  <p className="text-xs text-neutral-500">{rule.help}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <details className="text-sm">
        <summary className="cursor-pointer">Try the draft on addresses and app versions</summary>
        <label className="mt-2 block">
          Addresses (one per line)
          <textarea
            className={field}
            rows={2}
            value={tryUrls}
            onChange={(event) => setTryUrls(event.target.value)}
          />
        </label>
        <label className="mt-2 block">
          App versions
          <input
            className={field}
            value={tryVersions}
            onChange={(event) => setTryVersions(event.target.value)}
            placeholder="1.2.0, 1.4.0"
          />
        </label>
      </details>

      <div className="flex gap-3">
        <button
          type="button"
          onClick={runPreview}
          disabled={pending}
          className="rounded-md border border-neutral-300 px-4 py-2 text-sm hover:bg-neutral-100 focus-visible:outline-2 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900"
        >
          Preview
        </button>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Working…' : 'Save policy'}
        </button>
      </div>

      <div aria-live="polite">
        <ResultMessage message={message} />
        {result?.valid ? (
          <section
            aria-label="Preview"
            className="mt-2 space-y-2 text-sm"
            data-testid="policy-preview"
          >
            <p className="font-semibold">What this policy would do</p>
            {result.services.length === 0 ? (
              <p>No catalog service is affected.</p>
            ) : (
              <ul className="list-disc pl-5">
                {result.services.map((service) => (
                  <li key={service.id}>
                    {service.name}: {OUTCOME_WORDS[service.outcome]}
                  </li>
                ))}
              </ul>
            )}
            {[
              ...result.urls.map((url) => [url.url, url.outcome] as const),
              ...result.appVersions.map(
                (version) => [`Version ${version.version}`, version.outcome] as const,
              ),
            ].map(([what, outcome]) => (
              <p key={what}>
                {what}: {OUTCOME_WORDS[outcome]}
              </p>
            ))}
            {result.lockedSettings.length > 0 ? (
              <p>Locked on every device: {result.lockedSettings.join('; ')}.</p>
            ) : null}
          </section>
        ) : null}
      </div>
    </form>
  );
}
