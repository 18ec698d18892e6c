import { InputError } from '@backstage/errors';
import {
  CampaignTarget,
  CreateCampaignRequest,
  describeValue,
  describeValues,
  findControlCharacter,
  parseIsoDate,
  UpdateCampaignRequest,
} from '@catalog-governance/backstage-plugin-governance-common';
import { parseCatalogFilter } from '../catalog/catalogFilter';
import { parseStrictEntityRef } from '../catalog/entityRefs';
import { CampaignChanges, CampaignFields } from '../database/CampaignStore';

const REF_LISTS = ['owners', 'systems', 'domains', 'entityRefs'] as const;

/**
 * What a schema cannot check about a campaign's fields: that the checks exist, that the
 * deadline is a real day not in the past, that refs follow the catalog's rules and that no text
 * carries control characters. Collects every problem, so one 400 names them all.
 */
class Problems {
  readonly list: string[] = [];

  text(field: string, value: string | undefined | null) {
    const control = value ? findControlCharacter(value) : undefined;
    if (control) {
      this.list.push(`${field} contains the control character ${control}`);
    }
  }

  checks(checks: string[] | undefined, known: ReadonlySet<string>) {
    const unknown = (checks ?? []).filter(id => !known.has(id));
    if (unknown.length) {
      this.list.push(
        `checks ${describeValues(unknown)} ${
          unknown.length === 1 ? 'is' : 'are'
        } unknown; the scorecard has ${describeValues([...known], 20)}`,
      );
    }
  }

  deadline(deadline: string | undefined, today: string) {
    if (deadline === undefined) {
      return;
    }
    if (!parseIsoDate(deadline)) {
      this.list.push(
        `deadline ${describeValue(deadline)} is not a day; write it YYYY-MM-DD`,
      );
    } else if (deadline < today) {
      this.list.push(
        `deadline ${deadline} is in the past; it must be ${today} or later`,
      );
    }
  }

  target(target: CampaignTarget | undefined): CampaignTarget | undefined {
    if (!target) {
      return undefined;
    }
    const normalised: CampaignTarget = { ...target };
    for (const list of REF_LISTS) {
      normalised[list] = target[list]?.map((raw, i) => {
        try {
          return parseStrictEntityRef(raw);
        } catch (error) {
          this.list.push(
            `target.${list}[${i}] ${describeValue(raw)} is not an entity ref: ${
              (error as Error).message
            }`,
          );
          return raw;
        }
      });
    }
    for (const list of ['kinds', 'tiers', ...REF_LISTS] as const) {
      if (!normalised[list]) {
        delete normalised[list];
      }
    }
    const filter = target.filter?.trim();
    delete normalised.filter;
    if (target.filter !== undefined && !filter) {
      this.list.push(
        'target.filter is blank; give a catalog filter such as spec.lifecycle=production, or leave it out',
      );
    } else if (filter) {
      try {
        parseCatalogFilter(filter);
        normalised.filter = filter;
      } catch (error) {
        this.list.push(`target.filter ${(error as Error).message}`);
      }
    }
    return normalised;
  }

  /** Everything an edit and a new campaign share; returns the target with refs normalised. */
  fields(
    input: Omit<Partial<CreateCampaignRequest>, 'link'> & {
      link?: string | null;
    },
    known: ReadonlySet<string>,
    today: string,
  ): CampaignTarget | undefined {
    this.text('title', input.title);
    this.text('link', input.link);
    this.checks(input.checks, known);
    this.deadline(input.deadline, today);
    return this.target(input.target);
  }

  throwIfAny() {
    if (this.list.length) {
      throw new InputError(`Invalid campaign: ${this.list.join('; ')}`);
    }
  }
}

/** A new campaign's fields, checked; throws an InputError naming every problem. */
export function readNewCampaign(
  input: CreateCampaignRequest,
  known: ReadonlySet<string>,
  today: string,
): CampaignFields {
  const problems = new Problems();
  const target = problems.fields(input, known, today)!;
  problems.throwIfAny();
  return {
    title: input.title.trim(),
    description: input.description ?? '',
    ...(input.link && { link: input.link }),
    checks: [...new Set(input.checks)],
    target,
    deadline: input.deadline,
  };
}

/**
 * An edit's changes, checked. A new deadline may not be in the past, and a closed campaign is
 * reopened only with a deadline today or later.
 */
export function readCampaignChanges(
  input: UpdateCampaignRequest,
  current: { state: string; deadline: string },
  known: ReadonlySet<string>,
  today: string,
): CampaignChanges {
  const problems = new Problems();
  const target = problems.fields(input, known, today);
  const deadline = input.deadline ?? current.deadline;
  if (
    input.state === 'active' &&
    current.state === 'closed' &&
    deadline < today
  ) {
    problems.list.push(
      `state active reopens a campaign whose deadline ${deadline} has passed; give a deadline of ${today} or later`,
    );
  }
  problems.throwIfAny();
  const { revision: _revision, ...changes } = input;
  return {
    ...changes,
    ...(changes.title && { title: changes.title.trim() }),
    ...(changes.checks && { checks: [...new Set(changes.checks)] }),
    ...(target && { target }),
  };
}
