import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { parseAdr } from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import fs from 'node:fs';
import path from 'node:path';
import { createGovernanceAdrCreateAction } from './createAdrAction';

const user = (name: string, displayName?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: displayName ? { profile: { displayName } } : {},
});

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments' },
    spec: { type: 'team', children: [] },
    relations: [
      { type: 'hasMember', targetRef: 'user:default/li.wei' },
      { type: 'hasMember', targetRef: 'user:default/jane.doe' },
      { type: 'hasMember', targetRef: 'user:default/amir' },
    ],
  },
  user('jane.doe', 'Jane Doe'),
  user('li.wei', 'Li Wei'),
  // No display name: the user's name stands in.
  user('amir'),
  component('checkout-web', 'team-payments'),
  component('solo-tool', 'user:jane.doe'),
  component('payments-api', 'team-payments', {
    'backstage.io/adr-location': 'adrs/community',
    'governance/adr-location': './adrs/payments-api/',
  }),
  component('ledger', 'team-payments', {
    'backstage.io/adr-location': 'https://github.com/acme/ledger/tree/main/adr',
  }),
];

const today = DateTime.fromISO('2026-12-06T10:00:00Z', { zone: 'utc' });

describe('governance:adr:create', () => {
  const workspace = createMockDirectory();
  const action = createGovernanceAdrCreateAction({
    catalog: catalogServiceMock({ entities }),
    now: () => today,
  });

  beforeEach(() => workspace.clear());

  async function run(input: Record<string, unknown>) {
    const output = jest.fn();
    const ctx = {
      input,
      workspacePath: workspace.path,
      logger: mockServices.logger.mock(),
      output,
      checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
      createTemporaryDirectory: jest.fn(),
      getInitiatorCredentials: async () => mockCredentials.user(),
      task: { id: 'task-1' },
    } as unknown as ActionContext<any, any>;
    await action.handler(ctx);
    const outputs = Object.fromEntries(
      output.mock.calls.map(([name, value]) => [name, value]),
    );
    return {
      ...outputs,
      written: fs.readFileSync(path.join(workspace.path, outputs.path), 'utf8'),
    };
  }

  const checkoutDecision = {
    entityRef: 'component:default/checkout-web',
    title: 'Use plain CSS modules',
    context: 'The CSS-in-JS library costs 40 kB of script.',
    options: ['CSS modules', 'Keep the CSS-in-JS library'],
    decision: 'CSS modules, because they ship no runtime.',
  };

  it('writes ADR 0001 into docs/adr as MADR with front matter, and says where', async () => {
    const result = await run({
      ...checkoutDecision,
      decisionScope: 'stack-choice',
    });
    expect(result.path).toBe('docs/adr/0001-use-plain-css-modules.md');
    expect(result.number).toBe(1);
    expect(result.fileName).toBe('0001-use-plain-css-modules.md');
    expect(result.folder).toBe('docs/adr');
    expect(result.content).toBe(result.written);
    expect(result.written).toBe(
      [
        '---',
        'status: proposed',
        'date: 2026-12-06',
        'deciders:',
        '  - amir',
        '  - Jane Doe',
        '  - Li Wei',
        'decision-scope: stack-choice',
        '---',
        '',
        '# Use plain CSS modules',
        '',
        '## Context and Problem Statement',
        '',
        'The CSS-in-JS library costs 40 kB of script.',
        '',
        '## Considered Options',
        '',
        '* CSS modules',
        '* Keep the CSS-in-JS library',
        '',
        '## Decision Outcome',
        '',
        'CSS modules, because they ship no runtime.',
        '',
        '### Consequences',
        '',
        '* Good, because {positive consequence}',
        '* Bad, because {negative consequence}',
        '',
      ].join('\n'),
    );
  });

  it('writes a file the governance parser reads as it was asked for', async () => {
    const result = await run({
      ...checkoutDecision,
      status: 'accepted',
      date: '2026-11-30',
      decisionScope: 'API design',
    });
    expect(parseAdr(result.fileName, result.written)).toMatchObject({
      number: 1,
      title: 'Use plain CSS modules',
      status: 'accepted',
      date: '2026-11-30',
      deciders: ['amir', 'Jane Doe', 'Li Wei'],
      scope: 'api-design',
      format: 'madr',
      warnings: [],
    });
  });

  it('names the review item it records in the front matter, for the governance backend to link', async () => {
    const review = '5f0c8d2e-1b7a-4c3e-9a51-0d6f2b8e4a10';
    const result = await run({ ...checkoutDecision, review });
    expect(result.written).toContain(`\nreview: ${review}\n---`);
    expect(parseAdr(result.fileName, result.written)).toMatchObject({
      review,
      warnings: [],
    });
    await expect(
      run({ ...checkoutDecision, review: 'not a review; rm -rf' }),
    ).rejects.toThrow(
      "Invalid input review: 'not a review; rm -rf' is not allowed, expected a review item's id: letters, digits and dashes, at most 64",
    );
  });

  it('numbers the new ADR after the highest numbered file in the folder', async () => {
    workspace.setContent({
      'docs/adr/0001-record-decisions.md': '# Record decisions',
      'docs/adr/0007-use-kafka.md': '# Use Kafka',
      'docs/adr/0003-use-postgresql.md': '# Use PostgreSQL',
      'docs/adr/9999-notes.txt': 'not an ADR',
      'docs/adr/README.md': '# ADRs',
      'docs/adr/template.md': '# {title}',
    });
    const result = await run(checkoutDecision);
    expect(result.number).toBe(8);
    expect(result.path).toBe('docs/adr/0008-use-plain-css-modules.md');
  });

  it.each([
    [
      'the governance annotation over the community one',
      'payments-api',
      'adrs/payments-api',
    ],
    ['docs/adr when the annotation is a URL', 'ledger', 'docs/adr'],
    ['docs/adr when there is no annotation', 'checkout-web', 'docs/adr'],
  ])('writes into %s', async (_, name, folder) => {
    const result = await run({
      ...checkoutDecision,
      entityRef: `component:default/${name}`,
    });
    expect(result.path).toBe(`${folder}/0001-use-plain-css-modules.md`);
  });

  it('writes into the path given, which wins over the annotation', async () => {
    const result = await run({
      ...checkoutDecision,
      entityRef: 'payments-api',
      path: 'architecture/decisions',
    });
    expect(result.path).toBe(
      'architecture/decisions/0001-use-plain-css-modules.md',
    );
  });

  it('takes the owner as the decider when a user owns the entity', async () => {
    const result = await run({ ...checkoutDecision, entityRef: 'solo-tool' });
    expect(parseAdr(result.fileName, result.written).deciders).toEqual([
      'Jane Doe',
    ]);
  });

  it('takes the deciders given instead of the owner group', async () => {
    const result = await run({ ...checkoutDecision, deciders: ['Grace'] });
    expect(result.written).toContain('deciders:\n  - Grace\n');
  });

  it.each(['../outside', '/tmp/adr', 'docs/../../outside'])(
    'refuses a path outside the workspace: %s',
    async folder => {
      await expect(run({ ...checkoutDecision, path: folder })).rejects.toThrow(
        `Invalid input path: '${folder}' is not allowed, expected a folder inside the workspace such as docs/adr`,
      );
      expect(fs.existsSync(path.resolve(workspace.path, folder))).toBe(false);
    },
  );

  it.each([
    [
      { decisionScope: 'world-domination' },
      "Invalid input decisionScope: 'world-domination' is not allowed, expected one of the decision kinds, by id or title: stack-choice (Stack choices within the approved stack), api-design (API design),",
    ],
    [
      { status: 'superseded' },
      "Invalid input status: 'superseded' is not allowed, expected proposed or accepted",
    ],
    [
      { date: '06/12/2026' },
      "Invalid input date: '06/12/2026' is not allowed, expected a calendar date written YYYY-MM-DD",
    ],
    [
      { date: '2026-02-30' },
      "Invalid input date: '2026-02-30' is not allowed, expected a calendar date written YYYY-MM-DD",
    ],
    [
      { title: 'Two\nlines' },
      "Invalid input title: 'Two\nlines' is not allowed, expected one line of text",
    ],
    [
      { entityRef: 'component:' },
      "Invalid input entityRef: 'component:' is not allowed, expected an entity reference such as component:default/checkout-web",
    ],
    [
      { entityRef: 'component:default/nowhere' },
      'Invalid input entityRef: component:default/nowhere is not in the catalog, or you may not see it',
    ],
  ])(
    'refuses bad input %j, naming the field and what is allowed',
    async (bad, message) => {
      await expect(run({ ...checkoutDecision, ...bad })).rejects.toThrow(
        message,
      );
    },
  );

  it('refuses a title the parser would read back differently', async () => {
    await expect(
      run({ ...checkoutDecision, title: '7. Use Kafka' }),
    ).rejects.toThrow(
      "The ADR would not be read back as written: title '7. Use Kafka' would be read as 'Use Kafka'",
    );
    expect(fs.existsSync(path.join(workspace.path, 'docs/adr'))).toBe(false);
  });

  it('never overwrites an ADR that is already there', async () => {
    const existing = '# Something else\n';
    workspace.setContent({
      'docs/adr/0001-use-plain-css-modules.md': existing,
    });
    const recovered = createGovernanceAdrCreateAction({
      catalog: catalogServiceMock({ entities }),
      now: () => today,
    });
    const ctx = {
      input: checkoutDecision,
      workspacePath: workspace.path,
      logger: mockServices.logger.mock(),
      output: jest.fn(),
      // As a recovered task: the number was chosen before the file appeared.
      checkpoint: async () => 1,
      getInitiatorCredentials: async () => mockCredentials.user(),
      task: { id: 'task-1' },
    } as unknown as ActionContext<any, any>;
    await expect(recovered.handler(ctx)).rejects.toThrow(
      '0001-use-plain-css-modules.md already exists in the ADR folder',
    );
    expect(
      fs.readFileSync(
        path.join(workspace.path, 'docs/adr/0001-use-plain-css-modules.md'),
        'utf8',
      ),
    ).toBe(existing);
  });
});
