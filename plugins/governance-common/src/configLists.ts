import { Config } from '@backstage/config';

/**
 * Reads the list of objects at `key`, or undefined when config leaves it out (the caller's
 * defaults apply). When the value is no such list, `invalid` gets config's own message, for an
 * error naming the key and what the list holds.
 */
export function readConfigList(
  config: Config,
  key: string,
  invalid: (message: string) => never,
): Config[] | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  try {
    return config.getConfigArray(key);
  } catch (e) {
    return invalid((e as Error).message);
  }
}
