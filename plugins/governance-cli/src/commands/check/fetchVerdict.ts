import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { EXIT_COULD_NOT_RUN } from '../../lib/errors';
import { createCliClient, refusedWith } from '../../lib/governanceClient';
import { annotationProblems, EntityVerdict } from './verdict';

const HINTS: Record<number, string> = {
  401: 'Check --token or GOVERNANCE_TOKEN: it must be a token the backend accepts, such as a static token under backend.auth.externalAccess.',
  403: 'The token may not read this entity: it needs catalog read access to it (an external-access token needs the governance and catalog plugins in its access restrictions).',
  404: 'Check the entity ref (kind:namespace/name, as in the catalog) and --url or GOVERNANCE_BACKEND_URL: the base URL of the Backstage backend, with the governance backend plugin installed.',
};

/** The verdict from an entity's summary: its stored, waiver-applied scorecard and its level. */
export function verdictOfSummary(
  summary: EntityGovernanceSummary,
): EntityVerdict {
  const { problems, notes } = annotationProblems(
    summary.problems,
    summary.validationMode,
  );
  return {
    entityRef: summary.entityRef,
    tier: summary.tier?.name,
    results: summary.scorecard?.results ?? [],
    problems,
    level: summary.level,
    notes: [
      ...notes,
      ...(summary.tier && !summary.scorecard
        ? [
            'Not evaluated yet: the backend evaluates it on its next scheduled run, or when facts are pushed for it',
          ]
        : []),
      ...(summary.tier && !summary.level
        ? [
            'The backend does not report maturity levels (an older governance backend): the level was not checked',
          ]
        : []),
    ],
  };
}

/**
 * Reads `GET /api/governance/summary` for one entity. Every refusal (400, 401, 403, 404 for an
 * entity the catalog does not have, 5xx) ends with exit code 2: the gate could not run, and
 * says why with the backend's own message.
 */
export async function fetchVerdict(options: {
  url: string;
  token: string;
  entityRef: string;
}): Promise<EntityVerdict> {
  const api = createCliClient({
    url: options.url,
    token: options.token,
    refused: refusedWith(
      `The governance backend could not check ${options.entityRef}`,
      HINTS,
      EXIT_COULD_NOT_RUN,
    ),
  });
  const { data } = await api.request('get', '/summary', {
    params: { query: { entityRef: options.entityRef } },
  });
  // Every answer but a success has thrown above.
  return verdictOfSummary(data!);
}
