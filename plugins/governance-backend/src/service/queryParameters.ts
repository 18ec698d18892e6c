import { InputError } from '@backstage/errors';
import {
  ComplianceFilter,
  describeValue,
  ComplianceGroupBy,
  COMPLIANCE_GROUP_BY,
} from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import { parseStrictEntityRef } from '../catalog/entityRefs';

type Query = express.Request['query'];

/** A query parameter given at most once; repeating it is a 400. */
export function readOne(query: Query, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) {
    return undefined;
  }
  if (typeof raw !== 'string') {
    throw new InputError(`Query parameter '${name}' may be given only once`);
  }
  return raw;
}

/** Every value of a repeatable parameter (`status=a&status=b` or `status=a,b`). */
export function readList(query: Query, name: string): string[] {
  const raw = query[name];
  if (raw === undefined) {
    return [];
  }
  const values = Array.isArray(raw) ? raw : [raw];
  if (!values.every(v => typeof v === 'string')) {
    throw new InputError(`Query parameter '${name}' must be plain text`);
  }
  return (values as string[]).flatMap(v => v.split(',')).filter(Boolean);
}

/** `groupBy`, defaulting to owner; anything else is a 400 listing the dimensions. */
export function readGroupBy(query: Query): ComplianceGroupBy {
  const raw = readOne(query, 'groupBy') ?? 'owner';
  if (!(COMPLIANCE_GROUP_BY as readonly string[]).includes(raw)) {
    throw new InputError(
      `Query parameter 'groupBy' must be one of ${COMPLIANCE_GROUP_BY.join(
        ', ',
      )}, got ${describeValue(raw)}`,
    );
  }
  return raw as ComplianceGroupBy;
}

/**
 * The dimensions named as query parameters; an empty value selects the entities without one
 * (no system, a system without a domain).
 */
export function readComplianceFilter(query: Query): ComplianceFilter {
  const filter: ComplianceFilter = {};
  for (const key of COMPLIANCE_GROUP_BY) {
    const value = readOne(query, key);
    if (value === undefined) {
      continue;
    }
    if (value.length > 255) {
      throw new InputError(
        `Query parameter '${key}' is too long: at most 255 characters`,
      );
    }
    filter[key] = value;
  }
  return filter;
}

/** A whole number within bounds, or the fallback when absent; anything else is a 400. */
export function readWholeNumber(
  query: Query,
  name: string,
  options: { min: number; max: number; fallback: number },
): number {
  const raw = readOne(query, name);
  if (raw === undefined) {
    return options.fallback;
  }
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= options.min && value <= options.max)) {
    throw new InputError(
      `Query parameter '${name}' must be a whole number from ${
        options.min
      } to ${options.max}, got ${describeValue(raw)}`,
    );
  }
  return value;
}

/** `offset` (default 0) and `limit` (default 25, at most 100). */
export function readPage(query: Query): { offset: number; limit: number } {
  return {
    offset: readWholeNumber(query, 'offset', {
      min: 0,
      max: 1_000_000_000,
      fallback: 0,
    }),
    limit: readWholeNumber(query, 'limit', { min: 1, max: 100, fallback: 25 }),
  };
}

/** `days` back from today, 1 to 366, default 90. */
export function readDays(query: Query): number {
  return readWholeNumber(query, 'days', { min: 1, max: 366, fallback: 90 });
}

/**
 * Reads the mandatory `entityRef` query parameter as a full, normalised entity ref.
 * A missing, repeated or malformed value is a 400 naming what is expected.
 */
export function readEntityRef(query: express.Request['query']): string {
  const raw = query.entityRef;
  if (typeof raw !== 'string' || raw.length === 0) {
    throw new InputError(
      `Query parameter 'entityRef' is required once, as kind:namespace/name, e.g. component:default/payments`,
    );
  }
  try {
    return parseStrictEntityRef(raw);
  } catch (e) {
    throw new InputError(
      `Malformed entityRef ${describeValue(
        raw,
      )}: expected kind:namespace/name, e.g. component:default/payments (${
        (e as Error).message
      })`,
    );
  }
}
