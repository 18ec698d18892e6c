import { stringifyEntityRef } from '@backstage/catalog-model';
import { ComponentType } from 'react';
import { GovernanceApi } from '../api';
import { annotatedEntity } from './entities';
import { renderForEntity } from './renderForEntity';
import { rowCellTexts } from './tableRows';

/**
 * What a test of an entity page's section needs: the section rendered for the annotated
 * payments-api on its page, and the cells of the section's row with the id given, whose test
 * id is `rowTestIdPrefix` and the id.
 */
export function entitySectionTest(
  Section: ComponentType<{ entityRef: string }>,
  rowTestIdPrefix: string,
) {
  const entityRef = stringifyEntityRef(annotatedEntity);
  return {
    entityRef,
    renderSection: async (api: GovernanceApi) => {
      await renderForEntity(<Section entityRef={entityRef} />, {
        entity: annotatedEntity,
        api,
      });
    },
    rowCells: (id: string | number) => rowCellTexts(`${rowTestIdPrefix}${id}`),
  };
}
