/**
 * A JSON-ready copy of `value` whose object keys are sorted and whose Maps and Sets are
 * arrays, so equal inputs serialise to equal text whatever order they were built in: what the
 * evaluation's input hashes and the stack radar's digest are taken of.
 */
export function canonical(value: unknown): unknown {
  if (value instanceof Map) {
    return [...value.entries()]
      .map(([k, v]) => [canonical(k), canonical(v)])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
  }
  if (value instanceof Set) {
    return [...value].map(canonical).sort();
  }
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter(k => (value as Record<string, unknown>)[k] !== undefined)
        .map(k => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
