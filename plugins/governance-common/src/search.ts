import type { IndexableDocument } from '@backstage/plugin-search-common';
import type { AdrStatus } from './adrs';

/**
 * The search document type under which the governance search module indexes ADRs.
 *
 * @public
 */
export const GOVERNANCE_ADR_DOCUMENT_TYPE = 'governance-adr';

/**
 * One stored ADR as Backstage search indexes it. `location` opens the ADR in its entity's
 * Governance tab; `text` is the ADR's body, so that search finds words anywhere in it.
 *
 * @public
 */
export interface GovernanceAdrDocument extends IndexableDocument {
  adrId: string;
  entityRef: string;
  /** The ADR's number in its folder, where the file name or title carries one. */
  number?: number;
  /** One of the governance ADR statuses; `unknown` where the parser could not tell. */
  status: AdrStatus | 'unknown';
  /** The status as the ADR writes it, kept where it differs from `status`. */
  statusText?: string;
  /** The decision's day (YYYY-MM-DD), where the ADR states one. */
  date?: string;
  owner?: string;
}
