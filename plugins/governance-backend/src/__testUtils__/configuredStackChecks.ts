import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AdrStore } from '../database/AdrStore';
import { DatabaseStackStore } from '../database/DatabaseStackStore';
import { StackChecks } from '../stack/StackChecks';
import { readRadarSource, StackRadar } from '../stack/StackRadar';

/**
 * The approved-stack checks of a pass at `now` against the radar held in config then
 * (`governance.stack.radar`), read as a restarted backend would.
 */
export async function configuredStackChecks(options: {
  radar: object;
  store: DatabaseStackStore;
  adrs: AdrStore;
  now: Date;
}): Promise<StackChecks> {
  const { store, adrs, now } = options;
  const radar = new StackRadar({
    source: readRadarSource(
      new ConfigReader({ governance: { stack: { radar: options.radar } } }),
    ),
    urlReader: mockServices.urlReader.mock(),
    store,
    logger: mockServices.logger.mock(),
  });
  await radar.refresh(now);
  return new StackChecks({ radar, store, adrs });
}
