import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  DECISION_KINDS,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import path from 'node:path';

/** The statuses a new ADR may start with; later ones come with review, not creation. */
export const NEW_ADR_STATUSES = ['proposed', 'accepted'] as const;

/** Where an ADR goes when its entity names no relative ADR location. */
export const DEFAULT_ADR_FOLDER = 'docs/adr';

function invalid(field: string, value: unknown, allowed: string): InputError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new InputError(
    `Invalid input ${field}: '${shown}' is not allowed, expected ${allowed}`,
  );
}

/** `component:default/checkout-web`, whatever short form the template passed. */
export function readEntityRef(value: unknown): string {
  try {
    if (typeof value !== 'string') {
      throw new TypeError('not a string');
    }
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    throw invalid(
      'entityRef',
      value,
      'an entity reference such as component:default/checkout-web',
    );
  }
}

export function readTitle(value: unknown): string {
  const title = typeof value === 'string' ? value.trim() : '';
  if (!title || /[\r\n]/.test(title)) {
    throw invalid(
      'title',
      value,
      "one line of text such as 'Use PostgreSQL for orders'",
    );
  }
  return title;
}

export function readStatus(value: unknown): (typeof NEW_ADR_STATUSES)[number] {
  if (value === undefined || value === null || value === '') {
    return 'proposed';
  }
  const status = NEW_ADR_STATUSES.find(
    s => typeof value === 'string' && s === value.trim().toLowerCase(),
  );
  if (!status) {
    throw invalid('status', value, NEW_ADR_STATUSES.join(' or '));
  }
  return status;
}

/** The decision kind's id, from its id (`api-design`) or its title (`API design`). */
export function readDecisionScope(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const wanted = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const kind = DECISION_KINDS.find(
    k => k.id === wanted || k.title.toLowerCase() === wanted,
  );
  if (!kind) {
    throw invalid(
      'decisionScope',
      value,
      `one of the decision kinds, by id or title: ${DECISION_KINDS.map(
        k => `${k.id} (${k.title})`,
      ).join(', ')}`,
    );
  }
  return kind.id;
}

/** `YYYY-MM-DD`; today (UTC) when not given. */
export function readDate(value: unknown, now: DateTime): string {
  if (value === undefined || value === null || value === '') {
    return now.toUTC().toISODate()!;
  }
  const date =
    typeof value === 'string'
      ? DateTime.fromFormat(value.trim(), 'yyyy-MM-dd', { zone: 'utc' })
      : undefined;
  if (!date?.isValid) {
    throw invalid('date', value, 'a calendar date written YYYY-MM-DD');
  }
  return date.toISODate()!;
}

/**
 * The id of the review item the ADR records, as the review dialog passes it: the governance
 * backend links the item to the ADR once it reads the file.
 */
export function readReview(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(value.trim())) {
    throw invalid(
      'review',
      value,
      "a review item's id: letters, digits and dashes, at most 64",
    );
  }
  return value.trim();
}

export function readList(field: string, value: unknown): string[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    throw invalid(field, value, 'a list of strings');
  }
  return (value as string[]).map(item => item.trim()).filter(Boolean);
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The entity's own ADR folder when its annotation names one relative to its source (as
 * `docs/adr`), which is where a fetched repository keeps it; `governance/adr-location` wins
 * over the community plugin's annotation, as everywhere in the governance plugins.
 */
export function adrFolderOf(entity: Entity): string {
  const annotations = entity.metadata.annotations ?? {};
  for (const key of [
    GOVERNANCE_ANNOTATIONS.adrLocation,
    COMMUNITY_ADR_LOCATION_ANNOTATION,
  ]) {
    const value = annotations[key]?.trim();
    if (value && !URL_SCHEME.test(value) && !path.posix.isAbsolute(value)) {
      return value;
    }
  }
  return DEFAULT_ADR_FOLDER;
}

/**
 * The folder inside the workspace, as Backstage's own file actions resolve theirs: a path that
 * leads outside the workspace (`../`, an absolute path) is refused.
 */
export function resolveAdrFolder(workspacePath: string, folder: string) {
  try {
    const absolute = resolveSafeChildPath(workspacePath, folder);
    const relative = path.relative(workspacePath, absolute);
    return { absolute, relative: relative.split(path.sep).join('/') };
  } catch {
    throw invalid(
      'path',
      folder,
      `a folder inside the workspace such as ${DEFAULT_ADR_FOLDER}`,
    );
  }
}
