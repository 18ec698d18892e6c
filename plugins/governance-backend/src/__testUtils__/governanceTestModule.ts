import {
  createBackendModule,
  ExtensionPoint,
  ServiceRef,
} from '@backstage/backend-plugin-api';

/**
 * A governance backend module that hands `use` one extension point (or plugin-scoped service)
 * at init: how tests plug providers, triggers and parsers into the plugin, or get hold of a
 * service it uses.
 */
export function governanceTestModule<T>(
  moduleId: string,
  dependency: ExtensionPoint<T> | ServiceRef<T, 'plugin'>,
  use: (dependency: T) => void,
) {
  return createBackendModule({
    pluginId: 'governance',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { dependency },
        async init(deps) {
          use(deps.dependency as T);
        },
      });
    },
  });
}
