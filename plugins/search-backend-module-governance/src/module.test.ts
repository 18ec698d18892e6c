import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModuleGovernanceAdrs } from './module';

describe('searchModuleGovernanceAdrs', () => {
  function registry() {
    return { addCollator: jest.fn(), addDecorator: jest.fn() };
  }

  it('registers the ADR collator with the search index', async () => {
    const indexRegistry = registry();
    await startTestBackend({
      extensionPoints: [[searchIndexRegistryExtensionPoint, indexRegistry]],
      features: [searchModuleGovernanceAdrs],
    });
    expect(indexRegistry.addCollator).toHaveBeenCalledTimes(1);
    expect(indexRegistry.addCollator.mock.calls[0][0].factory.type).toBe(
      'governance-adr',
    );
  });

  it('refuses a schedule it cannot read, naming the config key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [[searchIndexRegistryExtensionPoint, registry()]],
        features: [
          searchModuleGovernanceAdrs,
          mockServices.rootConfig.factory({
            data: {
              search: {
                collators: {
                  governanceAdrs: { schedule: { frequency: 'often' } },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/search\.collators\.governanceAdrs\.schedule/);
  });
});
