import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_SERVICE_ID, SERVICE_CATALOG } from '../catalog';
import {
  MAX_NAME_LENGTH,
  sanitizeServiceName,
  validateServiceName,
  validateServiceUrl,
  validateWorkspaceInput,
  validateWorkspaceName,
} from '../security';
import type { ValidatedWorkspaceInput } from '../security';
import { storedName, workspaceSchema } from '../workspace';
import {
  CONTROL_CHARACTERS,
  INVISIBLE_FORMATTING,
  LONE_SURROGATE,
  hostileName,
  hostileUrl,
  trickyText,
} from './arbitraries.test-support';
import { hostileValue } from './mutations.test-support';
import { FUZZ_RUNS, fuzzTimeout } from './runs.test-support';

/**
 * Fuzzing the name rules and workspace requests (issue 12): sanitizeServiceName, the name
 * validators, and validateWorkspaceInput, whose output becomes stored workspaces. Beyond
 * security/properties.test.ts: text built from the characters that matter (combining marks,
 * Hangul jamo, joiners, bidi controls, UTF-16 halves), validator/sanitiser agreement, and that
 * what the validators accept is what the store accepts.
 */

const NAME_ERRORS = ['NAME_INVALID', 'NAME_EMPTY', 'NAME_TOO_LONG'];
const timeout = fuzzTimeout(15_000);
const codePoints = (text: string) => [...text].length;

describe('sanitizeServiceName, fuzzed', () => {
  it(
    'returns bounded, trimmed text without controls, invisible formatting or UTF-16 halves',
    () => {
      fc.assert(
        fc.property(hostileName, (input) => {
          const name = sanitizeServiceName(input);
          if (typeof input !== 'string') expect(name).toBe('');
          expect(codePoints(name)).toBeLessThanOrEqual(MAX_NAME_LENGTH);
          expect(name).toBe(name.trim());
          expect(name).not.toMatch(CONTROL_CHARACTERS);
          expect(name).not.toMatch(INVISIBLE_FORMATTING);
          expect(name).not.toMatch(LONE_SURROGATE);
          expect(name).not.toMatch(/\s\s/u);
          // A name cut to fit never ends in a dangling joiner.
          if (validateServiceName(input).errors[0]?.code === 'NAME_TOO_LONG') {
            expect(name).not.toMatch(/[\u200c\u200d]$/u);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  it(
    'is idempotent and gives names the stored-name rule accepts',
    () => {
      fc.assert(
        fc.property(hostileName, (input) => {
          const name = sanitizeServiceName(input);
          expect(sanitizeServiceName(name)).toBe(name);
          if (name !== '') expect(storedName.safeParse(name).success).toBe(true);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  // Regression cases found by this fuzzer (issue 12). "e", ZERO WIDTH SPACE, COMBINING ACUTE:
  // NFC keeps the three (the space blocks composition), then the space is removed, leaving
  // "e\u0301", which is not NFC; cleaning again gives "\u00e9". So sanitizeServiceName is not
  // idempotent, and validateServiceName / validateWorkspaceName accept a name the stored-name
  // schema (storedName: sanitizeServiceName(value) === value) refuses, so a workspace created
  // with it cannot be saved. Same with a soft hyphen between "a" and U+0308, or a zero-width space
  // between Hangul jamo. Fixed: the name is normalised after the invisible characters go.
  it('is idempotent on a letter, an invisible character and a combining mark', () => {
    for (const input of ['e\u200b\u0301', 'a\u00ad\u0308', '\u1100\u200b\u1161']) {
      const name = sanitizeServiceName(input);
      expect(sanitizeServiceName(name)).toBe(name);
    }
  });

  it('validates only names the stored-name schema accepts', () => {
    const checked = validateWorkspaceName('Caf e\u200b\u0301');
    expect(checked.valid).toBe(true);
    expect(storedName.safeParse(checked.valid ? checked.value : '').success).toBe(true);
  });
});

describe('validateServiceName and validateWorkspaceName, fuzzed', () => {
  // Regression case found by this fuzzer (issue 12): zero-width joiners and non-joiners are
  // kept on purpose (emoji sequences, Persian), so a name made only of them, "\u200d" or
  // "\u200c \u200d", passes every check and is stored: a workspace or service with an invisible
  // name, although storedName's message asks for "1 to 64 visible characters". Fixed: such a
  // name is refused as NAME_EMPTY.
  it('refuses a name with nothing visible in it', () => {
    for (const input of ['\u200d', '\u200c \u200d']) {
      expect(validateServiceName(input).errors.map((e) => e.code)).toEqual(['NAME_EMPTY']);
    }
  });

  it(
    'agree with the sanitiser: its name when it fits, one known error for the field otherwise',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(hostileName, fc.constantFrom(null, undefined)),
          fc.constantFrom('name', 'services.0.name'),
          (input, field) => {
            const service = validateServiceName(input, field);
            const workspace = validateWorkspaceName(input, field);
            expect(workspace.valid).toBe(service.valid);
            expect(workspace.errors.map((e) => e.code)).toEqual(service.errors.map((e) => e.code));
            const text = input ?? '';
            if (typeof text !== 'string') {
              expect(service.errors.map((e) => e.code)).toEqual(['NAME_INVALID']);
              return;
            }
            const sanitized = sanitizeServiceName(text);
            if (service.valid) {
              expect(service.value).toBe(sanitized);
              expect(service.value).toBe(workspace.valid && workspace.value);
              // Warned exactly when more than spaces was changed.
              const plain = text.trim().replace(/\s+/gu, ' ').normalize('NFC');
              expect(service.warnings.map((w) => w.code)).toEqual(
                service.value === plain ? [] : ['NAME_CHARACTERS_REMOVED'],
              );
              for (const warning of service.warnings) expect(warning.field).toBe(field);
              return;
            }
            expect(service.errors).toHaveLength(1);
            const [error] = service.errors;
            expect(NAME_ERRORS).toContain(error!.code);
            expect(error!.field).toBe(field);
            // Empty only when nothing is left; anything left was too long. (A long run of
            // joiners is "too long" although the sanitiser leaves nothing of it.)
            if (error!.code === 'NAME_EMPTY') expect(sanitized).toBe('');
            if (sanitized !== '') expect(error!.code).toBe('NAME_TOO_LONG');
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  it(
    'accept again, unchanged and without warnings, a name they accepted',
    () => {
      fc.assert(
        fc.property(trickyText(120), (input) => {
          const first = validateServiceName(input);
          if (!first.valid) return;
          const again = validateServiceName(first.value);
          expect(again).toEqual({ valid: true, value: first.value, errors: [], warnings: [] });
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );
});

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
const serviceTypes = [
  ...SERVICE_CATALOG.map((definition) => definition.id),
  CUSTOM_SERVICE_ID,
  CUSTOM_SERVICE_ID,
  'nope',
  '__proto__',
  'constructor',
  '',
];

const serviceInput = fc.record(
  {
    type: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...serviceTypes) },
      { weight: 1, arbitrary: hostileValue },
    ),
    name: hostileName,
    url: fc.oneof({ weight: 9, arbitrary: hostileUrl }, { weight: 1, arbitrary: hostileValue }),
    tenant: fc.oneof(
      fc.constantFrom('acme', 'ACME', 'a', '-acme', 'acme.evil.com', 'acme/../x', '', ' acme '),
      fc.string({ maxLength: 20 }),
    ),
    isolation: fc.constantFrom('shared', 'isolated', 'other'),
    customIcon: fc.constantFrom(
      PNG,
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      `data:image/png;base64,${'A'.repeat(400_000)}`,
      'javascript:alert(1)',
    ),
    customColor: fc.oneof(fc.constantFrom('#1a2b3c', '#FFF', 'red', '#1a2b3c '), fc.string()),
  },
  { requiredKeys: ['type'] },
);

const workspaceInput: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        name: hostileName,
        color: fc.oneof(fc.constantFrom('#4f46e5', '#4F46E5', 'blue', ''), fc.string()),
        services: fc.oneof(
          { weight: 9, arbitrary: fc.array(serviceInput, { maxLength: 4 }) },
          { weight: 1, arbitrary: hostileValue },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: hostileValue },
);

/** The validated request as a request again: what the UI would send to edit it. */
function asInput(value: ValidatedWorkspaceInput): unknown {
  return {
    name: value.name,
    ...(value.color === undefined ? {} : { color: value.color }),
    services: value.services.map((service) => ({ ...service })),
  };
}

const createdAt = '2026-12-01T10:00:00.000Z';

describe('validateWorkspaceInput, fuzzed', () => {
  it(
    'names each wrong field, or returns services that a stored workspace accepts and that validate again unchanged',
    () => {
      fc.assert(
        fc.property(workspaceInput, (input) => {
          const result = validateWorkspaceInput(input);
          const services = (input as { services?: unknown } | null)?.services;
          const count = Array.isArray(services) ? services.length : 0;
          if (!result.valid) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
              expect(error.message.length).toBeGreaterThan(0);
              const at = /^services\.(\d+)(?:\.|$)/.exec(error.field);
              if (at) expect(Number(at[1])).toBeLessThan(count);
              else expect(['', 'name', 'color', 'services']).toContain(error.field);
            }
            return;
          }
          const { value } = result;
          // Nothing is dropped silently.
          expect(value.services).toHaveLength(count);
          for (const service of value.services) {
            expect(validateServiceUrl(service.url, { allowPrivateHttp: true }).valid).toBe(true);
          }

          // What the validator accepts, the store accepts.
          const stored = workspaceSchema.safeParse({
            id: 'w1',
            name: value.name,
            ...(value.color === undefined ? {} : { color: value.color }),
            services: value.services.map((service, index) => ({
              ...service,
              id: `s${index}`,
              createdAt,
            })),
            createdAt,
          });
          expect(stored.success, JSON.stringify(stored.error?.issues[0])).toBe(true);

          const again = validateWorkspaceInput(asInput(value));
          expect(again.valid && again.value).toEqual(value);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );
});
