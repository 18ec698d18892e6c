import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { bronzeCriticalSummary } from '../../__testUtils__/levels';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { GovernanceApi, governanceApiRef } from '../../api';
import { createLevelColumn } from './createLevelColumn';

const entity = (name: string, tier?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    ...(tier ? { annotations: { 'governance/tier': tier } } : {}),
  },
});

async function renderRows(api: GovernanceApi, entities: Entity[]) {
  const column = createLevelColumn();
  return renderInTestApp(
    <TestApiProvider apis={[[governanceApiRef, api]]}>
      {entities.map(e => (
        <div key={e.metadata.name} data-testid={`row-${e.metadata.name}`}>
          {column.render!({ entity: e }, 'row')}
        </div>
      ))}
    </TestApiProvider>,
  );
}

describe('createLevelColumn', () => {
  it('shows the level of each tiered entity, and asks nothing for an untiered one', async () => {
    const api = mockGovernanceApi(async () => bronzeCriticalSummary);
    await renderRows(api, [entity('payments-api', 'critical'), entity('old')]);

    expect(await screen.findByText('Bronze')).toBeInTheDocument();
    expect(api.getEntitySummary).toHaveBeenCalledTimes(1);
    expect(api.getEntitySummary).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    expect(screen.getByTestId('row-old')).toBeEmptyDOMElement();
  });

  it('does not ask again when the table shows the same row again', async () => {
    const api = mockGovernanceApi(async () => bronzeCriticalSummary);
    const { unmount } = await renderRows(api, [entity('checkout', 'core')]);
    expect(await screen.findByText('Bronze')).toBeInTheDocument();
    unmount();

    await renderRows(api, [entity('checkout', 'core')]);
    expect(await screen.findByText('Bronze')).toBeInTheDocument();
    expect(api.getEntitySummary).toHaveBeenCalledTimes(1);
  });

  it('shows a dash with the reason when a level cannot be loaded, and keeps the other rows', async () => {
    const api = mockGovernanceApi(async entityRef => {
      if (entityRef.endsWith('/broken')) {
        return refusedWith(403, 'Not allowed to read broken')();
      }
      return bronzeCriticalSummary;
    });
    await renderRows(api, [
      entity('broken', 'core'),
      entity('working', 'core'),
    ]);

    expect(await screen.findByText('Bronze')).toBeInTheDocument();
    expect(await screen.findByText('—')).toBeInTheDocument();
    expect(screen.getByTitle(/^Level unavailable: /)).toHaveAttribute(
      'title',
      'Level unavailable: Not allowed to read broken',
    );
    expect(createLevelColumn().sorting).toBe(false);
  });
});
