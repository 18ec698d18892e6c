import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { AnnotationProblemRecord } from '@catalog-governance/backstage-plugin-governance-common';
import { Fragment, useCallback, useState } from 'react';
import { governanceApiRef } from '../../api';
import { ExportCsvButton } from '../ExportCsvButton';
import { OwnerPicker } from '../OwnerPicker';
import { AsyncServerPagedTable, ServerPagedColumn } from '../ServerPagedTable';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;
// Long values and paths wrap where they must, not after every few letters.
const WRAP_ANYWHERE = { overflowWrap: 'anywhere' } as const;

// Annotation names break after their `/` (and, as words do, after a `-`), never inside a word.
const KEEP_WORDS = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

function AnnotationName(props: { name: string }) {
  return (
    <code style={KEEP_WORDS}>
      {props.name.split(/(?<=\/)/).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

const SEVERITY_LABELS: Record<AnnotationProblemRecord['severity'], string> = {
  'held-back': 'Held back',
  warning: 'Warning',
};

/** A `url:` location links to where the file lives; a `file:` one is only named. */
function SourceLocation(props: { location?: string }) {
  const { location } = props;
  if (!location) {
    return (
      <Typography variant="body2" component="span" color="textSecondary">
        unknown
      </Typography>
    );
  }
  const url = /^url:(https?:\/\/.+)$/.exec(location)?.[1];
  const text = <span style={WRAP_ANYWHERE}>{location}</span>;
  return url ? <Link to={url}>{text}</Link> : text;
}

const COLUMNS: ServerPagedColumn<AnnotationProblemRecord>[] = [
  {
    title: 'Entity',
    headerStyle: NO_WRAP,
    cellStyle: NO_WRAP,
    render: problem => (
      <EntityRefLink entityRef={problem.entityRef} title={problem.title} />
    ),
  },
  {
    title: 'Annotation',
    headerStyle: NO_WRAP,
    render: problem => <AnnotationName name={problem.key} />,
  },
  {
    title: 'Value',
    headerStyle: NO_WRAP,
    cellStyle: { minWidth: 100 },
    render: problem => <code style={WRAP_ANYWHERE}>{problem.value}</code>,
  },
  { title: 'Allowed', field: 'allowed', cellStyle: { minWidth: 200 } },
  {
    title: 'Severity',
    headerStyle: NO_WRAP,
    cellStyle: NO_WRAP,
    render: problem => (
      <Chip
        size="small"
        label={SEVERITY_LABELS[problem.severity]}
        color={problem.severity === 'held-back' ? 'secondary' : 'default'}
        variant={problem.severity === 'held-back' ? 'default' : 'outlined'}
      />
    ),
  },
  {
    title: 'Source location',
    headerStyle: NO_WRAP,
    render: problem => <SourceLocation location={problem.sourceLocation} />,
  },
];

function ProblemsTable(props: { owner?: string }) {
  const { owner } = props;
  const governanceApi = useApi(governanceApiRef);
  const load = useCallback(
    async (page: { offset: number; limit: number }) => {
      const problems = await governanceApi.listAnnotationProblems({
        owner,
        ...page,
      });
      return { ...problems, totalCount: problems.totalItems };
    },
    [governanceApi, owner],
  );

  return (
    <AsyncServerPagedTable
      title="Annotation problems"
      columns={COLUMNS}
      load={load}
      empty={
        owner === undefined ? (
          <EmptyState
            missing="data"
            title="No annotation problems: every governed entity's annotations are valid"
            description="The catalog is scanned every few minutes; an entity with a malformed governance annotation shows here with the key, the value and what is allowed."
          />
        ) : (
          "No annotation problems among this owner's entities."
        )
      }
      rowTestId={problem =>
        `annotation-problem-${problem.entityRef}-${problem.key}`
      }
    />
  );
}

/**
 * The Architecture Council page's Catalog annotations tab, for platform teams: every entity
 * whose governance annotations are invalid, held back by the catalog or ingested with a
 * warning, with the key, the value, what is allowed and where the entity is read from.
 */
export function CatalogAnnotationsView() {
  const governanceApi = useApi(governanceApiRef);
  const [owner, setOwner] = useState<string>();
  return (
    <InfoCard
      title="Catalog annotations"
      subheader="Invalid governance annotations, held back first. Held back: the catalog refused the entity (or its latest change) and keeps its last good version, if any. Warning: ingested, and governance ignores the value."
      action={
        <Box display="flex" alignItems="flex-start" style={{ gap: 16 }}>
          <Box minWidth={240}>
            <OwnerPicker
              id="governance-annotation-problems-owner"
              value={owner}
              onChange={setOwner}
            />
          </Box>
          <ExportCsvButton
            load={() => governanceApi.exportAnnotationProblemsCsv({ owner })}
            filename="annotation-problems.csv"
          />
        </Box>
      }
    >
      {/* A new owner starts again on the first page. */}
      <ProblemsTable key={owner ?? ''} owner={owner} />
    </InfoCard>
  );
}
