import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** How the governance search module indexes stored ADRs. */
      governanceAdrs?: {
        /**
         * When the ADRs are indexed again. Default: every 30 minutes, 30 seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where a search result opens. `:namespace`, `:kind`, `:name` and `:adrId` are filled in.
         * Default: `/catalog/:namespace/:kind/:name/governance?adr=:adrId`, the ADR in its
         * entity's Governance tab.
         */
        locationTemplate?: string;
      };
    };
  };
}
