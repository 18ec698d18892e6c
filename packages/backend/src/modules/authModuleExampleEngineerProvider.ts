import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/**
 * Signs in without a password, so, like Backstage's guest provider, it works only when the
 * backend runs in development.
 */
const exampleEngineerAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize: () => ({ enabled: process.env.NODE_ENV === 'development' }),
  async authenticate(_input, { enabled }) {
    if (!enabled) {
      throw new Error(
        'The example engineer sign-in works only in development (NODE_ENV=development)',
      );
    }
    return { result: {} };
  },
});

/**
 * A second guest-like identity for the example app, so a newcomer sees the suite as an engineer
 * and not only as the council member the guest is: the provider `engineer` signs in as the
 * catalog user `auth.providers.engineer.userEntityRef`, a member of a team and not of the
 * council. The example app's sign-in page offers it beside the guest.
 */
export const authModuleExampleEngineerProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'example-engineer-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const userEntityRef = config.getOptionalString(
          'auth.providers.engineer.userEntityRef',
        );
        if (!userEntityRef) {
          return;
        }
        providers.registerProvider({
          providerId: 'engineer',
          factory: createProxyAuthProviderFactory({
            authenticator: exampleEngineerAuthenticator,
            signInResolver: async (_info, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: userEntityRef }),
          }),
        });
      },
    });
  },
});
