import { ConfigReader } from '@backstage/config';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import {
  readTierPolicies,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { resolve as resolvePath } from 'node:path';
import { ExitCodeError } from './errors';

/**
 * The tier policies from the given app-config files, merged in order as the backend merges
 * them (with `$include`, `$env` and `${VAR}` substitution), or the default tiers without files.
 */
export async function loadTierPolicies(
  configPaths: string[],
  cwd: string,
): Promise<TierPolicies> {
  if (configPaths.length === 0) {
    return readTierPolicies(new ConfigReader({}));
  }
  let config;
  try {
    config = await ConfigSources.toConfig(
      ConfigSources.merge(
        configPaths.map(path =>
          FileConfigSource.create({
            path: resolvePath(cwd, path),
            watch: false,
          }),
        ),
      ),
    );
    config.close();
  } catch (error) {
    throw new ExitCodeError(
      `Could not load --config ${configPaths.join(', ')}: ${
        (error as Error).message
      }`,
    );
  }
  try {
    return readTierPolicies(config);
  } catch (error) {
    throw new ExitCodeError(
      `Invalid tier policy in --config ${configPaths.join(', ')}: ${
        (error as Error).message
      }`,
    );
  }
}
