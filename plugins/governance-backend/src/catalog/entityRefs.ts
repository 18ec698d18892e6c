import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const validator = makeValidator();

/**
 * Parses a full entity ref (`kind:namespace/name`, namespace optional) and checks each part with
 * the catalog's own rules, so `component:default/a/b` is refused instead of becoming a name
 * with a slash. Returns the normalised ref; throws with the reason otherwise.
 *
 * @internal
 */
export function parseStrictEntityRef(raw: string): string {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(raw);
  } catch {
    // The catalog's message repeats the whole ref, however long.
    throw new Error('a kind, a namespace or a name is missing or empty');
  }
  const valid =
    validator.isValidKind(ref.kind) &&
    validator.isValidNamespace(ref.namespace) &&
    validator.isValidEntityName(ref.name);
  if (!valid) {
    throw new Error(
      'kind, namespace or name has characters the catalog does not allow',
    );
  }
  return stringifyEntityRef(ref);
}
