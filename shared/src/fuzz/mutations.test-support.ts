import fc from 'fast-check';

/**
 * Structural mutations of a valid document or payload, for the fuzz tests: what a hand-edited
 * file, an older or newer build, or a compromised renderer could send. Each case applies one to
 * three edits at random places of a copy of the base value: a field dropped or renamed, a value
 * of the wrong type, an unknown field, an array grown past its limit, a value wrapped in an
 * array. Shrinks to the fewest, simplest edits.
 */

type Key = string | number;
type Container = Record<string, unknown> | unknown[];

/** Values that are wrong almost everywhere, and the edge cases of each JSON type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    '',
    ' ',
    '\u0000',
    '\u202e',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '__proto__',
    'constructor',
    '1970-01-01T00:00:00Z',
    // Ids the base documents use: a field pointing at another object, or an id used twice.
    'w1',
    'w2',
    's1',
    's2',
    'x'.repeat(5000),
    [],
    {},
    [[[]]],
    { __proto__: null },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Object keys, including the ones that touch prototypes. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', 'id', 'type', 'url'),
  fc.string({ maxLength: 12 }),
);

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'rename'; at: number; key: string }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'grow'; at: number; times: number }
  | { kind: 'wrap'; at: number };

export const mutation = (maxGrowth: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
    fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), key: hostileKey }),
    fc.record({
      kind: fc.constant('add' as const),
      at: fc.nat(),
      key: hostileKey,
      value: hostileValue,
    }),
    fc.record({
      kind: fc.constant('grow' as const),
      at: fc.nat(),
      times: fc.integer({ min: 1, max: maxGrowth }),
    }),
    fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  );

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** A deep copy of plain objects and arrays (undefined, NaN and -0 kept, unlike JSON). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  if (!isContainer(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) define(copy, key, deepCopy(item));
  return copy as T;
}

/** Sets an own property, even `__proto__`, without touching any prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Every path to a value inside `root`, the root itself (the empty path) first. */
function pathsOf(root: unknown): Key[][] {
  const paths: Key[][] = [];
  const visit = (value: unknown, path: Key[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (isContainer(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(root, []);
  return paths;
}

function at(root: unknown, path: readonly Key[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<Key, unknown>)[key];
  return value;
}

/** Applies one edit to `root` (a copy); returns the new root, which changes for root edits. */
function apply(root: unknown, edit: Mutation): unknown {
  const paths = pathsOf(root);
  const path = paths[edit.at % paths.length] ?? [];
  const target = at(root, path);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = key === undefined ? undefined : (at(root, parentPath) as Container);
  const put = (value: unknown): unknown => {
    if (parent === undefined || key === undefined) return value;
    if (Array.isArray(parent)) parent[key as number] = value;
    else define(parent, String(key), value);
    return root;
  };
  switch (edit.kind) {
    case 'delete':
      if (parent === undefined || key === undefined) return undefined;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[String(key)];
      return root;
    case 'replace':
      return put(deepCopy(edit.value));
    case 'rename':
      if (parent === undefined || key === undefined || Array.isArray(parent)) {
        return put(deepCopy(edit.key));
      }
      delete parent[String(key)];
      define(parent, edit.key, target);
      return root;
    case 'add':
      if (Array.isArray(target)) target.push(deepCopy(edit.value));
      else if (isContainer(target)) {
        define(target as Record<string, unknown>, edit.key, deepCopy(edit.value));
      } else return put({ [edit.key]: deepCopy(edit.value) });
      return root;
    case 'grow':
      // An array grown past its limit, with copies of its first element (duplicate ids too).
      if (Array.isArray(target)) {
        const model: unknown = target.length > 0 ? target[0] : 'x';
        for (let i = 0; i < edit.times; i += 1) target.push(deepCopy(model));
        return root;
      }
      return put(Array.from({ length: edit.times }, () => deepCopy(target)));
    case 'wrap':
      return put([target]);
  }
}

/** Copies of `base` with one to `maxEdits` edits applied. */
export function mutated(
  base: unknown,
  options: { maxEdits?: number; maxGrowth?: number } = {},
): fc.Arbitrary<unknown> {
  return fc
    .array(mutation(options.maxGrowth ?? 250), { minLength: 1, maxLength: options.maxEdits ?? 3 })
    .map((edits) => edits.reduce<unknown>((value, edit) => apply(value, edit), deepCopy(base)));
}

/** Edits of a text: cut short, a character changed, inserted or removed, a part repeated. */
export function mutatedText(base: string): fc.Arbitrary<string> {
  const position = fc.nat({ max: Math.max(0, base.length) });
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 4 }),
    fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '\\u0000', 'null', '1e999'),
  );
  return fc.oneof(
    position.map((end) => base.slice(0, end)),
    fc
      .tuple(position, piece)
      .map(([index, text]) => base.slice(0, index) + text + base.slice(index)),
    fc
      .tuple(position, piece)
      .map(([index, text]) => base.slice(0, index) + text + base.slice(index + 1)),
    fc
      .tuple(position, position)
      .map(([a, b]) => base.slice(0, Math.max(a, b)) + base.slice(Math.min(a, b))),
  );
}
