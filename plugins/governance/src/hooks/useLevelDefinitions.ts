import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { DEFAULT_LEVELS } from '@catalog-governance/backstage-plugin-governance-common';
import { useMemo } from 'react';
import { LevelDefinition } from '../components/LevelChip/levels';

/**
 * The configured maturity levels (`governance.levels`), lowest first, with their titles: the
 * order and names of level counts in roll-ups, which count levels by name only. The backend
 * has checked the config at start-up.
 */
export function useLevelDefinitions(): LevelDefinition[] {
  const config = useApi(configApiRef);
  return useMemo(() => {
    const configured = config.getOptionalConfigArray('governance.levels');
    const levels = configured
      ? configured.map(level => ({
          name: level.getString('name'),
          title: level.getOptionalString('title'),
        }))
      : DEFAULT_LEVELS;
    return levels.map(({ name, title }) => ({ name, title: title ?? name }));
  }, [config]);
}
