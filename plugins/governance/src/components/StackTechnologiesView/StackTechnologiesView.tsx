import { InfoCard, WarningPanel } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  stackCategoryLabel,
  StackTechnologyList,
  StackTechnologyUsage,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { AsyncContent } from '../AsyncContent';
import { SimpleTable, SimpleTableColumn } from '../SimpleTable';

/** The tech-radar plugin's ring colours, so the council sees the rings it knows. */
const RING_COLOURS: Record<string, string> = {
  adopt: '#5BA300',
  trial: '#009EB0',
  assess: '#C7BA00',
  hold: '#E09B96',
};

/** Where the radar was read from, by the key set under `governance.stack.radar`. */
const RADAR_ORIGINS: Record<
  NonNullable<StackTechnologyList['radar']['source']>,
  string
> = {
  url: 'its URL',
  file: 'its file',
  config: 'the entries in config',
};

const useStyles = makeStyles(theme => ({
  ring: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'uppercase',
  },
  unlisted: { textTransform: 'none' },
  radarState: { marginBottom: theme.spacing(1) },
}));

/** The ring of a technology, or "not on the radar". */
export function RingChip(props: { ring?: StackTechnologyUsage['ring'] }) {
  const classes = useStyles();
  if (!props.ring) {
    return (
      <Chip
        size="small"
        variant="outlined"
        label="Not on the radar"
        className={classes.unlisted}
      />
    );
  }
  return (
    <Chip
      size="small"
      label={props.ring}
      className={classes.ring}
      style={{ backgroundColor: RING_COLOURS[props.ring] }}
    />
  );
}

const columns: SimpleTableColumn<StackTechnologyUsage>[] = [
  {
    title: 'Technology',
    rowHeader: true,
    render: t => (
      <>
        {t.title}
        {t.title.toLocaleLowerCase('en-US') !== t.technology && (
          <Typography variant="caption" color="textSecondary" component="div">
            {t.technology}
          </Typography>
        )}
      </>
    ),
  },
  { title: 'Ring', render: t => <RingChip ring={t.ring} /> },
  {
    title: 'Used as',
    // Only what entities use it as: a radar quadrant's name would read as a category.
    render: t => t.categories.map(stackCategoryLabel).join(', '),
  },
  { title: 'Entities', render: t => t.entities },
  {
    title: 'Accepted in an ADR',
    render: t => (t.onRadar ? '' : `${t.clearedByAdr} of ${t.entities}`),
  },
];

function RadarState(props: { radar: StackTechnologyList['radar'] }) {
  const classes = useStyles();
  const { radar } = props;
  return (
    <div className={classes.radarState}>
      {radar.error && (
        <WarningPanel
          severity="warning"
          defaultExpanded
          title="The radar could not be read"
          message={`${radar.error}. ${
            radar.readAt
              ? 'The radar read before stays in use.'
              : 'The approved-stack check is unknown until it can be read.'
          }`}
        />
      )}
      {radar.readAt && (
        <Typography variant="body2" color="textSecondary">
          Radar read {new Date(radar.readAt).toLocaleString()}
          {radar.source && ` from ${RADAR_ORIGINS[radar.source]}`}.
          {radar.problems.length > 0 &&
            ` ${
              radar.problems.length
            } of its entries could not be placed on a ring: ${radar.problems.join(
              '; ',
            )}.`}
        </Typography>
      )}
    </div>
  );
}

/**
 * The Approved stack tab of the Architecture Council page: each technology on the radar or in
 * use, in its ring, with how many entities use it; hold and technologies off the radar first.
 */
export function StackTechnologiesView() {
  const { value, error } = useGovernanceAsync(api =>
    api.listStackTechnologies(),
  );
  return (
    <InfoCard
      title="Approved stack"
      subheader="Technologies by ring on the radar and how many entities use them: hold and those not on the radar first."
    >
      <div data-testid="governance-stack-technologies">
        <AsyncContent
          error={error}
          value={value}
          isEmpty={list => !list.radar.configured}
          empty="No radar is configured. Set governance.stack.radar (a tech-radar URL or file, or entries in config) to check entities' technologies against the approved stack."
        >
          {list => (
            <>
              <RadarState radar={list.radar} />
              {list.items.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  The radar has no technologies yet, and no entity declares a
                  stack (the governance/stack annotation, or stack facts from
                  governance-cli stack scan).
                </Typography>
              ) : (
                <SimpleTable
                  label="Technologies"
                  columns={columns}
                  rows={list.items}
                  rowKey={t => t.technology}
                  rowTestId={t => `governance-stack-technology-${t.technology}`}
                />
              )}
            </>
          )}
        </AsyncContent>
      </div>
    </InfoCard>
  );
}
