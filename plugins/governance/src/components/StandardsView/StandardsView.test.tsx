import {
  DEFAULT_STANDARDS,
  StandardList,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';
import { mockComplianceApi } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import { StandardsView } from './StandardsView';

// The default standards, as the backend answers them with results.
const [codingStandards, testingRequirements, securityPolicies] =
  DEFAULT_STANDARDS;
const standards: StandardList = {
  items: [
    {
      ...testingRequirements,
      counts: { total: 4, compliant: 3, automated: 1 },
      compliancePercent: 75,
      automationPercent: 25,
      belowTarget: true,
      trend: [
        { day: '2027-01-03', counts: { total: 4, compliant: 2, automated: 0 } },
        { day: '2027-01-04', counts: { total: 4, compliant: 3, automated: 1 } },
      ],
    },
    {
      ...securityPolicies,
      counts: { total: 2, compliant: 2, automated: 2 },
      compliancePercent: 100,
      automationPercent: 100,
      belowTarget: false,
      trend: [
        { day: '2027-01-04', counts: { total: 2, compliant: 2, automated: 2 } },
      ],
    },
    {
      ...codingStandards,
      counts: { total: 0, compliant: 0, automated: 0 },
      compliancePercent: null,
      automationPercent: null,
      belowTarget: false,
      trend: [],
    },
  ],
  unmapped: {
    checks: ['custom-slo'],
    counts: { total: 3, compliant: 1, automated: 3 },
  },
};

const render = async (listStandards: () => Promise<StandardList>) => {
  const api = mockComplianceApi({ listStandards });
  await renderInGovernanceApp(<StandardsView />, { api });
  return { api };
};

describe('StandardsView', () => {
  it('shows each standard with enforcement, review, compliance and automation against its target', async () => {
    const { api } = await render(async () => standards);
    const testing = await screen.findByTestId(
      'governance-standard-row-testing-requirements',
    );
    expect(api.listStandards).toHaveBeenCalledWith(30);
    expect(testing).toHaveTextContent('Testing requirements');
    expect(testing).toHaveTextContent('CI gate');
    expect(testing).toHaveTextContent('Per deployment');
    expect(testing).toHaveTextContent('75% of 4');
    expect(testing).toHaveTextContent(
      '25% measured, target 70–80% · below target',
    );
    expect(
      within(testing).getByRole('img', {
        name: 'Since 2027-01-03: compliance 50% to 75%, automation 0% to 25%',
      }),
    ).toBeInTheDocument();

    const security = screen.getByTestId(
      'governance-standard-row-security-policies',
    );
    expect(security).toHaveTextContent('Static analysis + Manual review');
    expect(security).toHaveTextContent('100% measured, target 60–70%');
    expect(security).not.toHaveTextContent('below target');

    const coding = screen.getByTestId(
      'governance-standard-row-coding-standards',
    );
    expect(coding).toHaveTextContent('No results (target 90%+)');
  });

  it('names the checks no standard covers', async () => {
    await render(async () => standards);
    expect(
      await screen.findByTestId(
        'governance-standards-unmapped',
        {},
        { timeout: 5000 },
      ),
    ).toHaveTextContent('Unmapped checks: custom-slo (3 results)');
  });

  it('says how to declare standards when none is configured', async () => {
    await render(async () => ({
      items: [],
      unmapped: {
        checks: [],
        counts: { total: 0, compliant: 0, automated: 0 },
      },
    }));
    expect(
      await screen.findByText(/No standards are configured/),
    ).toBeInTheDocument();
  });

  it('shows why the standards could not be loaded', async () => {
    await render(refusedWith(500, 'database unavailable'));
    expect(
      (await screen.findAllByText(/database unavailable/))[0],
    ).toBeInTheDocument();
  });
});
