import {
  COMPLIANCE_GROUP_BY,
  ComplianceFilter,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceApi } from '../GovernanceApi';
import { Send } from './send';

/**
 * The filtered dimensions only. An empty value stays: it selects the entities without that
 * dimension, which leaving it out would not.
 */
function filterQuery(filter: ComplianceFilter = {}): ComplianceFilter {
  const query: ComplianceFilter = {};
  for (const dimension of COMPLIANCE_GROUP_BY) {
    if (filter[dimension] !== undefined) {
      query[dimension] = filter[dimension];
    }
  }
  return query;
}

/** The calls behind the Compliance and Standards pages and the annotation problems. */
export const complianceRoutes = (send: Send) =>
  ({
    getComplianceRollup: (groupBy, filter) =>
      send(api =>
        api.request('get', '/compliance', {
          params: { query: { groupBy, ...filterQuery(filter) } },
        }),
      ),
    getComplianceEntities: (filter, page) =>
      send(api =>
        api.request('get', '/compliance/entities', {
          params: { query: { ...filterQuery(filter), ...page } },
        }),
      ),
    getComplianceTrend: (filter, days) =>
      send(api =>
        api.request('get', '/compliance/trend', {
          params: { query: { days, ...filterQuery(filter) } },
        }),
      ),
    exportComplianceCsv: request => {
      const filter = filterQuery(request.filter);
      // Through the fetch API rather than a link, so the user's token goes along.
      return send(api =>
        request.view === 'groups'
          ? api.request('get', '/compliance.csv', {
              params: { query: { groupBy: request.groupBy, ...filter } },
              parseAs: 'blob',
            })
          : api.request('get', '/compliance/entities.csv', {
              params: { query: filter },
              parseAs: 'blob',
            }),
      );
    },
    listAnnotationProblems: (query = {}) =>
      send(api =>
        api.request('get', '/annotation-problems', { params: { query } }),
      ),
    exportAnnotationProblemsCsv: (query = {}) =>
      send(api =>
        api.request('get', '/annotation-problems.csv', {
          params: { query },
          parseAs: 'blob',
        }),
      ),
    listStandards: days =>
      send(api =>
        api.request('get', '/standards', { params: { query: { days } } }),
      ),
  } satisfies Partial<GovernanceApi>);
