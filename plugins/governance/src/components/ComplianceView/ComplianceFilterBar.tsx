import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import {
  ComplianceFilter,
  ComplianceGroupBy,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DIMENSION_LABELS, noneLabel } from './ComplianceGroupName';
import { filteredDimensions } from './useComplianceViewState';

function FilterValue(props: { dimension: ComplianceGroupBy; value: string }) {
  const { dimension, value } = props;
  if (value === '') {
    return <>{noneLabel(dimension)}</>;
  }
  if (dimension === 'tier') {
    return <>{value}</>;
  }
  return <EntityDisplayName entityRef={value} hideIcon disableTooltip />;
}

/** The dimensions the view is narrowed to, each removable, and a way back to everything. */
export function ComplianceFilterBar(props: {
  filter: ComplianceFilter;
  onRemove: (dimension: ComplianceGroupBy) => void;
  onClear: () => void;
}) {
  const { filter, onRemove, onClear } = props;
  const dimensions = filteredDimensions(filter);
  if (dimensions.length === 0) {
    return null;
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
      data-testid="compliance-filters"
    >
      <Typography variant="body2" color="textSecondary" component="span">
        Narrowed to
      </Typography>
      {dimensions.map(dimension => (
        <Chip
          key={dimension}
          data-testid={`compliance-filter-${dimension}`}
          label={
            <>
              {DIMENSION_LABELS[dimension]}:{' '}
              <FilterValue dimension={dimension} value={filter[dimension]!} />
            </>
          }
          onDelete={() => onRemove(dimension)}
          deleteIcon={
            <CancelIcon
              titleAccess={`Remove the ${DIMENSION_LABELS[
                dimension
              ].toLowerCase()} filter`}
            />
          }
        />
      ))}
      <Button size="small" color="primary" onClick={onClear}>
        Clear filters
      </Button>
    </Box>
  );
}
