/**
 * A deep copy of a JSON value (workspace documents, imports). Used where `structuredClone` would
 * be, because Hermes, the mobile app's engine, has none; for JSON data the two agree.
 */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
