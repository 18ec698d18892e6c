import {
  SearchFilterBlueprint,
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { GOVERNANCE_ADR_DOCUMENT_TYPE } from '@catalog-governance/backstage-plugin-governance-common';
import DescriptionIcon from '@material-ui/icons/Description';
import { AdrStatusSearchFilter } from './components/AdrSearchResultListItem/AdrStatusSearchFilter';

// ADRs reach search through the governance search backend module (type `governance-adr`).

export const adrSearchResultListItem = SearchResultListItemBlueprint.make({
  name: 'adr',
  params: {
    icon: <DescriptionIcon />,
    predicate: result => result.type === GOVERNANCE_ADR_DOCUMENT_TYPE,
    component: () =>
      import('./components/AdrSearchResultListItem').then(
        m => m.AdrSearchResultListItem,
      ),
  },
});

export const adrSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'adr',
  params: {
    value: GOVERNANCE_ADR_DOCUMENT_TYPE,
    name: 'ADRs',
    icon: <DescriptionIcon />,
  },
});

export const adrStatusSearchFilter = SearchFilterBlueprint.make({
  name: 'adr-status',
  params: {
    component: props => <AdrStatusSearchFilter className={props.className} />,
  },
});
