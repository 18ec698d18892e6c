import {
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paymentsEntities } from '../../__testUtils__/compliance';
import {
  entities,
  groupRow,
  paymentsComplianceApi,
  renderComplianceView,
} from '../../__testUtils__/complianceView';
import { defaultLevels, rollupWithLevels } from '../../__testUtils__/levels';
import { levelCounts } from './ComplianceLevels';

/** The level badges and their counts in one place, highest level first. */
function levelsIn(element: HTMLElement): string[] {
  return within(element)
    .getAllByTestId('compliance-level-count')
    .map(count => count.textContent ?? '');
}

/** Answers every roll-up with {@link rollupWithLevels}, grouped and filtered as asked. */
async function levelsRollup(
  groupBy: ComplianceGroupBy,
  filter: ComplianceFilter = {},
): Promise<ComplianceRollup> {
  return { ...rollupWithLevels, groupBy, filter };
}

describe('ComplianceView maturity levels', () => {
  it('shows how many entities are at each level, highest first, and how many are below their tier', async () => {
    const api = paymentsComplianceApi({
      getComplianceRollup: levelsRollup,
    });
    await renderComplianceView(api);

    const totals = await screen.findByTestId('compliance-total-levels');
    expect(levelsIn(totals)).toEqual([
      'Gold2',
      'Silver1',
      'Bronze1',
      'no level1',
    ]);
    expect(
      screen.getByTestId('compliance-total-below-required'),
    ).toHaveTextContent('2');

    const payments = groupRow('group:default/payments');
    expect(
      levelsIn(within(payments).getByTestId('compliance-group-levels')),
    ).toEqual(['Silver1', 'Bronze1', 'no level1']);
    expect(
      within(payments).getByTestId('compliance-group-below-required'),
    ).toHaveTextContent('2');
    const platform = groupRow('group:default/platform');
    expect(
      levelsIn(within(platform).getByTestId('compliance-group-levels')),
    ).toEqual(['Gold2']);
  });

  it('shows each entity of a drill-down with its level, and says when it is below its tier', async () => {
    const api = paymentsComplianceApi({
      getComplianceRollup: levelsRollup,
      getComplianceEntities: async (filter, page) => ({
        ...(await entities(filter, page)),
        items: paymentsEntities.map(entity =>
          entity.entityRef === 'component:default/payments-api'
            ? {
                ...entity,
                level: 'bronze',
                requiredLevel: 'gold',
                belowRequired: true,
              }
            : { ...entity, level: 'gold', requiredLevel: 'silver' },
        ),
      }),
    });
    await renderComplianceView(api);
    await userEvent.click(
      within(
        await screen.findByTestId('compliance-group-group:default/payments'),
      ).getByRole('button', { name: /narrow to/i }),
    );

    const payments = within(
      await screen.findByTestId(
        'compliance-entity-component:default/payments-api',
      ),
    );
    expect(payments.getByTestId('governance-level')).toHaveTextContent(
      'Bronze',
    );
    expect(
      payments.getByTestId('compliance-entity-below-required'),
    ).toHaveTextContent('below Gold');
    const checkout = within(
      screen.getByTestId('compliance-entity-component:default/checkout-web'),
    );
    expect(checkout.getByTestId('governance-level')).toHaveTextContent('Gold');
    expect(
      checkout.queryByTestId('compliance-entity-below-required'),
    ).toBeNull();
  });
});

describe('levelCounts', () => {
  it('orders levels highest first as configured, unknown names after them, no level last', () => {
    expect(
      levelCounts(
        {
          levels: { bronze: 2, platinum: 1, gold: 1, silver: 0 },
          withoutLevel: 3,
        },
        defaultLevels,
      ).map(({ level, count }) => `${level?.name ?? 'none'}:${count}`),
    ).toEqual(['gold:1', 'bronze:2', 'platinum:1', 'none:3']);
  });
});
