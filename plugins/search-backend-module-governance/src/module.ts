import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  defaultGovernanceAdrCollatorOptions,
  GovernanceAdrCollatorFactory,
} from './collators/GovernanceAdrCollatorFactory';

const CONFIG_KEY = 'search.collators.governanceAdrs';

// ADRs change when their repositories do; the governance plugin itself rereads them hourly.
const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

function readSchedule(config: Config) {
  const schedule = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  if (!schedule) return defaultSchedule;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(
      `Invalid schedule at ${CONFIG_KEY}.schedule: ${error}`,
    );
  }
}

/**
 * Adds the governance plugin's stored ADRs to Backstage search, as documents of type
 * `governance-adr`.
 *
 * @public
 */
export const searchModuleGovernanceAdrs = createBackendModule({
  pluginId: 'search',
  moduleId: 'governance-adr-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        auth,
        config,
        discovery,
        logger,
        scheduler,
        indexRegistry,
      }) {
        const locationTemplate = config.getOptionalString(
          `${CONFIG_KEY}.locationTemplate`,
        );
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(readSchedule(config)),
          factory: new GovernanceAdrCollatorFactory({
            auth,
            discovery,
            logger,
            options: {
              locationTemplate:
                locationTemplate ??
                defaultGovernanceAdrCollatorOptions.locationTemplate,
            },
          }),
        });
      },
    });
  },
});
