import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { GovernanceAdrDocument } from '@catalog-governance/backstage-plugin-governance-common';
import Box from '@material-ui/core/Box';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { AdrStatusChip } from '../AdrStatusChip';
import { Muted } from '../Muted';

/** Props for {@link AdrSearchResultListItem}. */
export interface AdrSearchResultListItemProps {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  icon?: ReactNode;
  rank?: number;
}

function highlighted(
  highlight: ResultHighlight | undefined,
  field: 'title' | 'text',
  fallback: string,
) {
  const text = highlight?.fields[field];
  return text ? (
    <HighlightedSearchResultText
      text={text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    fallback
  );
}

/**
 * An ADR in Backstage search results: its title linked to the ADR in the entity's
 * Governance tab, its status, its entity and day, and the matching part of its text.
 */
export function AdrSearchResultListItem(props: AdrSearchResultListItemProps) {
  const result = props.result as GovernanceAdrDocument | undefined;
  if (!result) return null;
  const status = result.status === 'unknown' ? undefined : result.status;
  return (
    <Box display="flex" data-testid="governance-adr-search-result">
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <Box flexWrap="wrap" width="100%">
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              {highlighted(props.highlight, 'title', result.title)}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: 3,
                overflow: 'hidden',
              }}
            >
              {highlighted(props.highlight, 'text', result.text)}
            </Typography>
          }
        />
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          {status ? (
            <AdrStatusChip adr={{ status, statusText: result.statusText }} />
          ) : (
            <Typography variant="body2">Status unknown</Typography>
          )}
          <Typography variant="body2" component="span">
            ADR of <EntityRefLink entityRef={result.entityRef} />
          </Typography>
          {result.date && <Muted>Decided {result.date}</Muted>}
        </Box>
      </Box>
    </Box>
  );
}
