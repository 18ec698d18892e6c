import { Config, ConfigReader } from '@backstage/config';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import {
  readTierPolicies,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { resolve as resolvePath } from 'node:path';
import { ExitCodeError } from './errors';

/**
 * The given app-config files, merged in order as the backend merges them (with `$include`,
 * `$env` and `${VAR}` substitution), or an empty config without files.
 */
export async function loadConfig(
  configPaths: string[],
  cwd: string,
): Promise<Config> {
  if (configPaths.length === 0) {
    return new ConfigReader({});
  }
  try {
    const config = await ConfigSources.toConfig(
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
    return config;
  } catch (error) {
    throw new ExitCodeError(
      `Could not load --config ${configPaths.join(', ')}: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Reads part of the config with one of governance-common's readers, which throw naming the
 * key; the error then also names the files it came from.
 */
export function readFromConfig<T>(
  configPaths: string[],
  what: string,
  read: () => T,
): T {
  try {
    return read();
  } catch (error) {
    throw new ExitCodeError(
      `Invalid ${what} in --config ${configPaths.join(', ')}: ${
        (error as Error).message
      }`,
    );
  }
}

/** The tier policies of the given app-config files, or the default tiers without files. */
export async function loadTierPolicies(
  configPaths: string[],
  cwd: string,
): Promise<TierPolicies> {
  const config = await loadConfig(configPaths, cwd);
  return readFromConfig(configPaths, 'tier policy', () =>
    readTierPolicies(config),
  );
}
