import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleGovernance } from './module';

describe('scaffolderModuleGovernance', () => {
  it('adds governance:adr:create to the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleGovernance, catalogServiceMock.factory()],
    });
    expect(addActions).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'governance:adr:create' }),
    );
  });
});
