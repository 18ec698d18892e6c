import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { describeValue } from '@catalog-governance/backstage-plugin-governance-common';
import { readCatalogPages } from './readGovernedEntities';

/** As many conditions as a person writes by hand; the contract allows 1,000 characters. */
export const MAX_FILTER_CONDITIONS = 20;

/**
 * The characters of the catalog's field paths, annotation and label keys included
 * (`metadata.annotations.backstage.io/techdocs-ref`): anything else is a typing mistake.
 */
const KEY = /^[A-Za-z0-9._\-/:]+$/;

const ALLOWED_FORM =
  'write conditions joined by commas, each key=value or key alone (the field exists), such as spec.lifecycle=production,metadata.tags=pci';

/**
 * Parses a catalog filter in the syntax of the catalog's `filter` query parameter into the
 * query `catalog.getEntities({ filter })` takes. The catalog backend's own parser
 * (`parseEntityFilterString`) is not exported, so this follows it: every condition must hold, a
 * key given twice matches either value, and a key alone asks that the field exists. Stricter
 * than the catalog where it would silently ignore a mistake: an empty condition, `key=` without
 * a value, a key with a space. Throws an InputError naming the condition and the allowed form.
 *
 * @internal
 */
export function parseCatalogFilter(text: string): EntityFilterQuery {
  const conditions = text.split(',');
  if (conditions.length > MAX_FILTER_CONDITIONS) {
    throw new InputError(
      `has ${conditions.length} conditions; at most ${MAX_FILTER_CONDITIONS} are allowed`,
    );
  }
  const values = new Map<string, string[]>();
  conditions.forEach((raw, index) => {
    const condition = raw.trim();
    const equals = condition.indexOf('=');
    const key = (equals === -1 ? condition : condition.slice(0, equals)).trim();
    const value =
      equals === -1 ? undefined : condition.slice(equals + 1).trim();
    const problem = !condition
      ? 'is empty'
      : (!key && 'has no key') ||
        (!KEY.test(key) &&
          `has the key ${describeValue(
            key,
          )}, which may hold only letters, digits and . _ - / :`) ||
        (value === '' && 'has no value after =');
    if (problem) {
      throw new InputError(
        `condition ${index + 1} ${describeValue(
          condition,
        )} ${problem}; ${ALLOWED_FORM}`,
      );
    }
    const list = values.get(key) ?? [];
    if (value !== undefined) {
      list.push(value);
    }
    values.set(key, list);
  });
  return Object.fromEntries(
    [...values].map(([key, list]) => {
      if (list.length === 0) {
        return [key, CATALOG_FILTER_EXISTS];
      }
      return [key, list.length === 1 ? list[0] : list];
    }),
  );
}

/**
 * The refs, folded to lower case as `inTarget` compares them, of every catalog entity matching
 * a filter that `parseCatalogFilter` accepted. Reads only the fields that name an entity, in
 * pages, so a filter matching the whole catalog costs a few requests and a set of strings.
 *
 * @internal
 */
export async function readCatalogFilterMatches(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  filter: string;
}): Promise<Set<string>> {
  const refs = new Set<string>();
  for await (const page of readCatalogPages({
    catalog: options.catalog,
    credentials: options.credentials,
    filter: parseCatalogFilter(options.filter),
    fields: ['kind', 'metadata.namespace', 'metadata.name'],
  })) {
    for (const entity of page) {
      refs.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
    }
  }
  return refs;
}
