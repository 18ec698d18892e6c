import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DECISION_KINDS } from '@catalog-governance/backstage-plugin-governance-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleGovernance } from '../module';
import { createGovernanceAdrCreateAction } from './createAdrAction';

// The example app's template, which offers this action's inputs as a form.
const template = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../../examples/templates/record-adr/template.yaml',
    ),
    'utf8',
  ),
);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-web',
      annotations: { 'governance/adr-location': 'adrs/checkout-web' },
    },
    spec: { type: 'website', lifecycle: 'production', owner: 'team-payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/jane.doe' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane.doe' },
    spec: { profile: { displayName: 'Jane Doe' } },
  },
];

describe('the record-adr template', () => {
  const action = createGovernanceAdrCreateAction({
    catalog: catalogServiceMock(),
  });
  const adrStep = template.spec.steps.find(
    (step: { action: string }) => step.action === 'governance:adr:create',
  );
  const decisionPage = template.spec.parameters[0];

  it('passes the action only inputs it knows, the entity and title among them', () => {
    const known = Object.keys(action.schema?.input?.properties ?? {});
    expect(known).toEqual(expect.arrayContaining(Object.keys(adrStep.input)));
    expect(adrStep.input).toMatchObject({
      entityRef: '${{ parameters.entityRef }}',
      title: '${{ parameters.title }}',
    });
    expect(decisionPage.required).toEqual(['entityRef', 'title']);
  });

  it('offers exactly the decision kinds of governance-common, by id and title', () => {
    const scope = decisionPage.properties.decisionScope;
    expect(scope.enum).toEqual(DECISION_KINDS.map(kind => kind.id));
    expect(scope.enumNames).toEqual(DECISION_KINDS.map(kind => kind.title));
  });

  it('opens a pull request only when asked to, with the ADR folder it wrote', () => {
    const publish = template.spec.steps.find(
      (step: { id: string }) => step.id === 'publish',
    );
    expect(publish).toMatchObject({
      action: 'publish:github:pull-request',
      if: "${{ parameters.publish === 'pull-request' }}",
      input: {
        sourcePath: '${{ steps.adr.output.folder }}',
        targetPath: '${{ steps.adr.output.folder }}',
      },
    });
  });

  // The template as the scaffolder runs it, in a dry run: the real templating, conditions,
  // catalog:fetch and, for a pull request, publish:github:pull-request without calling GitHub.
  async function dryRun(values: Record<string, unknown>) {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderGithubModule,
        scaffolderModuleGovernance,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            integrations: {
              github: [{ host: 'github.com', token: 'not-used-in-a-dry-run' }],
            },
          },
        }),
      ],
    });
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template,
        values: {
          entityRef: 'component:default/checkout-web',
          title: 'Use plain CSS modules',
          options: ['CSS modules', 'Keep the CSS-in-JS library'],
          decision: 'CSS modules, because they ship no runtime.',
          decisionScope: 'stack-choice',
          ...values,
        },
        directoryContents: [],
      });
  }

  const fileName = '0001-use-plain-css-modules.md';

  it('runs in the scaffolder to the next ADR in the entity folder, shown for download', async () => {
    const response = await dryRun({ publish: 'download' });

    expect(response.status).toBe(200);
    const written = response.body.directoryContents.map(
      (file: { path: string }) => file.path,
    );
    expect(written).toEqual([`adrs/checkout-web/${fileName}`]);
    expect(response.body.output.links).toEqual([
      {
        title: 'Open the entity',
        icon: 'catalog',
        entityRef: 'component:default/checkout-web',
      },
    ]);
    const [text] = response.body.output.text;
    expect(text.title).toBe(fileName);
    expect(text.content).toContain(
      `Save this as \`adrs/checkout-web/${fileName}\``,
    );
    expect(text.content).toContain(
      'deciders:\n  - Jane Doe\ndecision-scope: stack-choice\n',
    );
    const skipped = response.body.log
      .map((event: { body: { message: string } }) => event.body.message)
      .filter((message: string) => /skipping/i.test(message));
    expect(skipped.join('\n')).toMatch(/fetch/i);
  });

  it('runs to a pull request of the ADR folder when asked for one', async () => {
    const response = await dryRun({
      publish: 'pull-request',
      repoUrl: 'github.com?owner=acme&repo=checkout-web',
    });

    expect(response.status).toBe(200);
    expect(response.body.output.links).toEqual([
      { title: 'Pull request', url: 'github.com?owner=acme&repo=checkout-web' },
      {
        title: 'Open the entity',
        icon: 'catalog',
        entityRef: 'component:default/checkout-web',
      },
    ]);
    const messages = response.body.log.map(
      (event: { body: { message: string } }) => event.body.message,
    );
    expect(messages.join('\n')).toContain(
      'Performing dry run of creating pull request',
    );
  });
});
