import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ReactNode } from 'react';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceApi } from '../api';
import { annotatedEntity } from './entities';
import { mockGovernanceApi } from './mockGovernanceApi';
import {
  GovernanceAppOptions,
  renderInGovernanceApp,
} from './renderInGovernanceApp';

/**
 * Renders an entity page element the way the catalog does, on the page of the entity given,
 * with the APIs of {@link renderInGovernanceApp}.
 */
export async function renderForEntity(
  element: ReactNode,
  options: GovernanceAppOptions & { entity: Entity },
) {
  return renderInGovernanceApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    options,
  );
}

/**
 * Renders an entity page element on the page of `entity`, the annotated payments-api unless
 * named, with the given governance API or one that answers every summary with the given one.
 */
export async function renderWithSummary(
  element: ReactNode,
  answer: GovernanceApi | EntityGovernanceSummary,
  entity: Entity = annotatedEntity,
) {
  const api =
    'getEntitySummary' in answer
      ? answer
      : mockGovernanceApi(async () => answer);
  return renderForEntity(element, { entity, api });
}
