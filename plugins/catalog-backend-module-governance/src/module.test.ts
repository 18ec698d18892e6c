import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleGovernance } from './module';
import { GovernanceAnnotationsProcessor } from './processor/GovernanceAnnotationsProcessor';

describe('catalogModuleGovernance', () => {
  it('adds the governance annotation processor to the catalog', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
      features: [catalogModuleGovernance],
    });
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(GovernanceAnnotationsProcessor),
    );
  });

  it('fails start-up when the tier policy in config is invalid', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addProcessor: jest.fn() }],
        ],
        features: [
          catalogModuleGovernance,
          mockServices.rootConfig.factory({
            data: { governance: { tiers: { core: { maxP95LatencyMs: -1 } } } },
          }),
        ],
      }),
    ).rejects.toThrow('governance.tiers.core.maxP95LatencyMs');
  });
});
