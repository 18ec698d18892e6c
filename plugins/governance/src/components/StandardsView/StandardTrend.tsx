import { useTheme } from '@material-ui/core/styles';
import { StandardSummary } from '@catalog-governance/backstage-plugin-governance-common';

const WIDTH = 96;
const HEIGHT = 28;

const share = (part: number, total: number) => (total ? part / total : 0);

function line(values: number[]) {
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map(
      (v, i) =>
        `${(i * step).toFixed(1)},${(HEIGHT - 2 - v * (HEIGHT - 4)).toFixed(
          1,
        )}`,
    )
    .join(' ');
}

const percentText = (v: number) => `${Math.round(v * 100)}%`;

/**
 * A small chart of a standard's daily compliance (solid) and measured automation (dashed). A
 * single day draws as a dot; the label says where both started and where they are now, for
 * readers who cannot see the lines.
 */
export function StandardTrend(props: { trend: StandardSummary['trend'] }) {
  const theme = useTheme();
  const { trend } = props;
  if (trend.length === 0) {
    return <span>—</span>;
  }
  const compliance = trend.map(p => share(p.counts.compliant, p.counts.total));
  const automation = trend.map(p => share(p.counts.automated, p.counts.total));
  const first = 0;
  const last = trend.length - 1;
  const label = `Since ${trend[first].day}: compliance ${percentText(
    compliance[first],
  )} to ${percentText(compliance[last])}, automation ${percentText(
    automation[first],
  )} to ${percentText(automation[last])}`;
  const points =
    trend.length === 1 ? [compliance[0], compliance[0]] : compliance;
  const automated =
    trend.length === 1 ? [automation[0], automation[0]] : automation;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
      data-testid="governance-standard-trend"
    >
      <title>{label}</title>
      <polyline
        points={line(points)}
        fill="none"
        stroke={theme.palette.success.main}
        strokeWidth={2}
      />
      <polyline
        points={line(automated)}
        fill="none"
        stroke={theme.palette.info.main}
        strokeWidth={2}
        strokeDasharray="4 2"
      />
    </svg>
  );
}
