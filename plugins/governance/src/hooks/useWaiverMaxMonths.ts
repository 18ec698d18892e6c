import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { readWaiverMaxMonths } from '@catalog-governance/backstage-plugin-governance-common';

/** `governance.waivers.maxMonths`: how many months ahead a waiver may expire (default 12). */
export function useWaiverMaxMonths(): number {
  return readWaiverMaxMonths(useApi(configApiRef));
}
