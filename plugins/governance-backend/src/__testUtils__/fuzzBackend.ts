/*
 * The backend the route fuzzing sends its requests to: the governance plugin with annotated
 * entities, a council, ADRs and a few waivers and reviews. Test support only.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import request from 'supertest';
import {
  localAdrReading,
  startGovernanceTestBackend,
} from './governanceTestBackend';
import { teamGroup } from './catalogEntities';
import { auditorMock } from './auditorMock';
import { Auth, FuzzContext, FuzzRequest } from './fuzzRequests';
import { inDays } from './dates';

/** The users the backend knows; GRACE sits on the council. */
export const JANE = 'user:default/jane';
export const GRACE = 'user:default/grace';

const examples = resolvePackagePath(
  '@catalog-governance/backstage-plugin-governance-backend',
  '../../examples/governance',
);

const component = (
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/managed-by-location': `file:${examples}/entities.yaml`,
      ...annotations,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
    ...spec,
  },
  relations: [
    { type: 'ownedBy', targetRef: spec.owner ?? 'group:default/team-a' },
  ],
});

const ENTITIES: Entity[] = [
  component(
    'payments',
    {
      'governance/tier': 'core',
      'governance/test-coverage': '60',
      'governance/tech-lead': 'jane',
    },
    { system: 'payments' },
  ),
  component('checkout-web', {
    'governance/tier': 'critical',
    'governance/adr-location': 'adrs/checkout-web',
  }),
  component(
    'payments-api',
    { 'backstage.io/adr-location': 'adrs/payments-api' },
    { owner: 'group:default/team-web' },
  ),
  component('misannotated', {
    'governance/tier': 'bogus',
    'governance/test-coverage': 'most',
    'governance/unknown': 'x',
  }),
  component('plain', {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments' },
    spec: { owner: 'group:default/team-a', domain: 'commerce' },
  },
  teamGroup('council', [GRACE]),
  ...['jane', 'grace', 'mock'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name },
      spec: {},
    }),
  ),
];

/** A started backend with the ids it was seeded with. */
export interface FuzzBackend {
  server: Parameters<typeof request>[0];
  context: FuzzContext;
}

const HEADERS: Record<Auth, string | undefined> = {
  user: mockCredentials.user.header(),
  council: mockCredentials.user.header(GRACE),
  service: mockCredentials.service.header(),
  none: undefined,
  garbage: 'Bearer not-a-token',
};

/** Sends one generated request to the governance plugin of the backend. */
export async function sendFuzzRequest(
  server: FuzzBackend['server'],
  req: FuzzRequest,
): Promise<request.Response> {
  const url = `/api/governance${req.path}${req.query ? `?${req.query}` : ''}`;
  let test = request(server)[req.method](url);
  const header = HEADERS[req.auth];
  if (header) {
    test = test.set('Authorization', header);
  }
  if (req.body) {
    test = test.set('Content-Type', req.body.type).send(req.body.text);
  }
  return await test;
}

/**
 * Starts the governance plugin with a catalog holding annotated entities, permissions that
 * allow everything (so requests get past authorization into validation), a council, ADRs read
 * from examples/governance, and a few waivers and reviews, whose ids the generators then use.
 */
export async function startFuzzBackend(): Promise<FuzzBackend> {
  const auditor = auditorMock();
  const server = await startGovernanceTestBackend({
    entities: ENTITIES,
    anonymous: true,
    config: {
      governance: {
        council: { group: 'group:default/council' },
        adrs: { allowedLocalDirectories: [examples] },
      },
    },
    features: [auditor.factory, ...localAdrReading],
  });
  const as = (req: request.Test) =>
    req.set('Authorization', mockCredentials.user.header(GRACE));
  const api = (p: string) => `/api/governance${p}`;
  const seeded = async (res: Promise<request.Response>, status: number) => {
    const answer = await res;
    if (answer.status !== status) {
      throw new Error(
        `Seeding the fuzz backend failed: ${answer.status} ${answer.text}`,
      );
    }
    return answer.body;
  };

  const adrIds: string[] = [];
  for (const name of ['checkout-web', 'payments-api']) {
    const { items } = await seeded(
      as(request(server).get(api(`/adrs?entityRef=component:default/${name}`))),
      200,
    );
    adrIds.push(...items.map((a: { id: string }) => a.id));
  }
  await seeded(
    as(
      request(server).post(
        api('/scorecard/refresh?entityRef=component:default/payments'),
      ),
    ),
    200,
  );
  const waiverIds: string[] = [];
  const reviewIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const waiver = await seeded(
      as(request(server).post(api('/waivers'))).send({
        entityRef: 'component:default/payments',
        checkId: 'coverage',
        reason: 'Rewrite this quarter',
        expiresAt: inDays(30),
      }),
      201,
    );
    waiverIds.push(waiver.id);
    const review = await seeded(
      as(request(server).post(api('/reviews'))).send({
        entityRef: 'component:default/payments',
        kind: 'design-review',
        title: `Review ${i}`,
      }),
      201,
    );
    reviewIds.push(review.id);
  }
  return {
    server,
    context: {
      entityRefs: ENTITIES.map(
        e => `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
      ),
      waiverIds,
      reviewIds,
      adrIds,
    },
  };
}
