import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DECISION_KINDS } from '@catalog-governance/backstage-plugin-governance-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
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
});
