import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AdrChainLink } from '@catalog-governance/backstage-plugin-governance-common';
import { LinkButton } from '../LinkButton';
import { Muted } from '../Muted';

/** How each link of the decision graph reads, from the ADR it is listed with. */
export const ADR_CHAIN_LABELS: Record<AdrChainLink['relation'], string> = {
  supersedes: 'supersedes',
  'superseded-by': 'superseded by',
  amends: 'amends',
  'amended-by': 'amended by',
};

// What came before first, then what came after: a chain reads from old to new.
const ORDER: AdrChainLink['relation'][] = [
  'supersedes',
  'amends',
  'superseded-by',
  'amended-by',
];

function label(link: AdrChainLink): string {
  if (!link.adrId) {
    return link.target;
  }
  const number = link.number === undefined ? '' : `ADR ${link.number}: `;
  return `${number}${link.title}`;
}

/** Props for {@link AdrChain}. */
export interface AdrChainProps {
  chain?: AdrChainLink[];
  /** The ADR's own entity: links into another entity name theirs. */
  entityRef: string;
  onOpenAdr: (id: string) => void;
  /** What to show for an ADR in no chain; nothing by default. */
  empty?: string;
}

/**
 * What a decision supersedes and amends and what superseded and amended it, each opening that
 * ADR; a link to an ADR that is not stored (or not visible) shows its target as written, marked
 * "not found".
 */
export function AdrChain(props: AdrChainProps) {
  const { chain = [], entityRef, onOpenAdr, empty } = props;
  if (chain.length === 0) {
    return empty ? <Muted>{empty}</Muted> : null;
  }
  const sorted = [...chain].sort(
    (a, b) => ORDER.indexOf(a.relation) - ORDER.indexOf(b.relation),
  );
  return (
    <Box component="ul" m={0} pl={0} style={{ listStyle: 'none' }}>
      {sorted.map(link => (
        <li
          key={`${link.relation}-${link.adrId ?? link.target}`}
          data-testid="governance-adr-chain-link"
        >
          <Muted>{ADR_CHAIN_LABELS[link.relation]} </Muted>
          {link.adrId ? (
            <LinkButton onClick={() => onOpenAdr(link.adrId!)}>
              {label(link)}
            </LinkButton>
          ) : (
            <Typography variant="body2" component="span">
              {label(link)}{' '}
              <Typography
                variant="body2"
                component="span"
                color="error"
                title="No stored ADR has this name or number"
              >
                (not found)
              </Typography>
            </Typography>
          )}
          {link.entityRef && link.entityRef !== entityRef && (
            <Typography variant="caption" color="textSecondary">
              {' '}
              in {link.entityRef}
            </Typography>
          )}
        </li>
      ))}
    </Box>
  );
}
