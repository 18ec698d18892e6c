import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  parseGovernanceAnnotations,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { component as governedComponent } from '../__testUtils__/catalogEntities';
import { AnnotationProblemFinding } from '../database/AnnotationProblemStore';
import { AnnotationProblemScan } from './AnnotationProblemScan';
import { annotationProblemFromMessage } from './annotationProblemMessage';

const tierPolicies = readTierPolicies(mockServices.rootConfig());
const SOURCE = 'file:/catalog/services.yaml';

/** A service read from {@link SOURCE}, owned by team-payments, with `extra` on top. */
const component = (
  name: string,
  annotations: Record<string, string>,
  extra: Partial<Entity> = {},
): Entity => ({
  ...governedComponent(
    name,
    { 'backstage.io/managed-by-origin-location': SOURCE, ...annotations },
    'team-payments',
  ),
  ...extra,
});

/** The processing error the governance catalog module emits for this annotation. */
const processingError = (key: string, value: string) => {
  const [problem] = parseGovernanceAnnotations(
    { [key]: value },
    { tierNames: tierPolicies.keys() },
  ).problems;
  return { name: 'InputError', message: problem.message };
};

/** The unprocessed-entities module's answers: `pending` as given, `failed` empty. */
function unprocessedModule(pending: object[] | 'not installed') {
  return jest.spyOn(global, 'fetch').mockImplementation(async url => {
    if (pending === 'not installed') {
      return new Response('Not found', { status: 404 });
    }
    const entities = String(url).endsWith('/pending') ? pending : [];
    return Response.json({ type: 'failed', entities });
  });
}

async function scan(entities: Entity[]) {
  const stored: AnnotationProblemFinding[] = [];
  await new AnnotationProblemScan({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
    tierPolicies,
    store: {
      replaceAnnotationProblems: async findings => {
        stored.push(...findings);
      },
      listAnnotationProblems: jest.fn(),
      listAnnotationProblemEntityRefs: jest.fn(),
    },
  }).run();
  return stored;
}

afterEach(() => jest.restoreAllMocks());

describe('AnnotationProblemScan', () => {
  it('records a warning for an entity the catalog ingested with an invalid value (warn mode)', async () => {
    unprocessedModule([]);
    const found = await scan([
      component('search', { 'governance/tier': 'platinum' }),
      component('ledger', { 'governance/tier': 'core' }),
    ]);
    expect(found).toEqual([
      {
        entityRef: 'component:default/search',
        key: 'governance/tier',
        value: 'platinum',
        allowed: 'one of the configured tiers: critical, core, supporting',
        severity: 'warning',
        owner: 'group:default/team-payments',
        sourceLocation: SOURCE,
      },
    ]);
  });

  it('records the refused value of an entity the catalog keeps at its last good version', async () => {
    unprocessedModule([]);
    const evolving = component(
      'evolving-service',
      { 'governance/availability-slo': '99.9' },
      {
        status: {
          items: [
            {
              type: 'backstage.io/catalog-processing',
              level: 'error',
              message: 'InputError: ...',
              error: processingError('governance/availability-slo', 'ninety'),
            },
          ],
        },
      } as Partial<Entity>,
    );
    const found = await scan([evolving]);
    expect(found).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/evolving-service',
        key: 'governance/availability-slo',
        value: 'ninety',
        allowed: 'a percentage from 0 to 100, such as 99.95',
        severity: 'held-back',
      }),
    ]);
  });

  it('reads entities the catalog never ingested from the unprocessed-entities module', async () => {
    const billing = component('billing-legacy', {
      'governance/tier': 'platinum',
      'governance/availability-slo': '99.99.9',
    });
    unprocessedModule([
      {
        entity_ref: 'component:default/billing-legacy',
        unprocessed_entity: billing,
        errors: [processingError('governance/tier', 'platinum')],
      },
      // Waiting for its first processing, not refused: not a problem yet.
      {
        entity_ref: 'component:default/new',
        unprocessed_entity: component('new', { 'governance/tier': 'gold' }),
      },
    ]);
    const found = await scan([]);
    expect(found.map(f => [f.entityRef, f.key, f.value, f.severity])).toEqual([
      [
        'component:default/billing-legacy',
        'governance/tier',
        'platinum',
        'held-back',
      ],
      [
        'component:default/billing-legacy',
        'governance/availability-slo',
        '99.99.9',
        'held-back',
      ],
    ]);
  });

  it('still lists ingested entities when the catalog has no unprocessed-entities module', async () => {
    unprocessedModule('not installed');
    const found = await scan([
      component('search', { 'governance/runbook': 'wiki page' }),
    ]);
    expect(found.map(f => f.key)).toEqual(['governance/runbook']);
  });
});

describe('annotationProblemFromMessage', () => {
  it('reads back the key, value and allowed values of every message the parser writes', () => {
    const { problems } = parseGovernanceAnnotations(
      {
        'governance/tier': "it's platinum",
        'governance/last-security-review': 'last spring',
        'governance/teir': 'core',
      },
      { tierNames: tierPolicies.keys() },
    );
    expect(problems).toHaveLength(3);
    for (const { message, ...problem } of problems) {
      expect(annotationProblemFromMessage(`InputError: ${message}`)).toEqual(
        problem,
      );
    }
    expect(annotationProblemFromMessage('Policy check failed')).toBeUndefined();
  });
});
