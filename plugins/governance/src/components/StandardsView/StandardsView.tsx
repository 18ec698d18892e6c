import { InfoCard, StatusOK, StatusWarning } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  StandardAutomationTarget,
  StandardSummary,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { AsyncContent } from '../AsyncContent';
import { SimpleTable, SimpleTableColumn } from '../SimpleTable';
import { StandardTrend } from './StandardTrend';

const ENFORCEMENT_LABELS: Record<
  StandardSummary['enforcement'][number],
  string
> = {
  lint: 'Linting',
  'code-review': 'Code review',
  'ci-gate': 'CI gate',
  'static-analysis': 'Static analysis',
  'manual-review': 'Manual review',
  'design-review': 'Design review',
};

const FREQUENCY_LABELS: Record<StandardSummary['reviewFrequency'], string> = {
  'per-commit': 'Per commit',
  'per-pr': 'Per pull request',
  'per-deployment': 'Per deployment',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};

/** How many days of trend the tab shows. */
const TREND_DAYS = 30;

export function targetText(target: StandardAutomationTarget) {
  return target.max === undefined
    ? `${target.min}%+`
    : `${target.min}–${target.max}%`;
}

function Automation(props: { standard: StandardSummary }) {
  const { automationPercent, targetAutomation, belowTarget } = props.standard;
  const target = `target ${targetText(targetAutomation)}`;
  if (automationPercent === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        No results ({target})
      </Typography>
    );
  }
  const Marker = belowTarget ? StatusWarning : StatusOK;
  return (
    <Marker>
      {/* One span, so the status lays the sentence out as one run of text. */}
      <span>
        {automationPercent}% measured, {target}
        {belowTarget && <strong> · below target</strong>}
      </span>
    </Marker>
  );
}

const columns: SimpleTableColumn<StandardSummary>[] = [
  {
    title: 'Standard',
    rowHeader: true,
    render: s => (
      <>
        {s.title}
        <Typography variant="caption" color="textSecondary" display="block">
          {s.checks.join(', ')}
        </Typography>
      </>
    ),
  },
  {
    title: 'Enforcement',
    render: s => s.enforcement.map(e => ENFORCEMENT_LABELS[e]).join(' + '),
  },
  {
    title: 'Review',
    // At 1280 px the column broke "Per deployment" inside the word.
    noWrap: true,
    render: s => FREQUENCY_LABELS[s.reviewFrequency],
  },
  {
    title: 'Compliance',
    render: s =>
      s.compliancePercent === null ? (
        <Typography variant="body2" color="textSecondary">
          No results
        </Typography>
      ) : (
        `${s.compliancePercent}% of ${s.counts.total}`
      ),
  },
  { title: 'Automation', render: s => <Automation standard={s} /> },
  { title: 'Trend', render: s => <StandardTrend trend={s.trend} /> },
];

/**
 * The Standards tab of the Architecture Council page: each standard configured under
 * `governance.standards`, how it is enforced and reviewed, how many of its check results comply,
 * and how many are measured rather than declared (its automation level) against the target.
 */
export function StandardsView() {
  const { value, error } = useGovernanceAsync(api =>
    api.listStandards(TREND_DAYS),
  );
  return (
    <InfoCard
      title="Standards"
      subheader={`Compliance across the organisation, and the share of results evaluated from measured facts (automation) against each standard's target; trends over ${TREND_DAYS} days: compliance solid, automation dashed.`}
    >
      <div data-testid="governance-standards">
        <AsyncContent
          error={error}
          value={value}
          isEmpty={list => list.items.length === 0}
          empty="No standards are configured: declare them under governance.standards in app-config.yaml."
        >
          {list => (
            <>
              <SimpleTable
                label="Standards"
                columns={columns}
                rows={list.items}
                rowKey={s => s.id}
                rowTestId={s => `governance-standard-row-${s.id}`}
              />
              {list.unmapped.checks.length > 0 && (
                <Typography
                  variant="body2"
                  color="textSecondary"
                  style={{ marginTop: 8 }}
                  data-testid="governance-standards-unmapped"
                >
                  Unmapped checks: {list.unmapped.checks.join(', ')} (
                  {list.unmapped.counts.total} results) count towards no
                  standard; add them to one under governance.standards.
                </Typography>
              )}
            </>
          )}
        </AsyncContent>
      </div>
    </InfoCard>
  );
}
