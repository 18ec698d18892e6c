import { mockServices } from '@backstage/backend-test-utils';

/**
 * An auditor whose events succeed and record nothing, for services that audit their changes;
 * a test reads what was audited from `createEvent`'s calls.
 */
export function auditorMock() {
  const auditor = mockServices.auditor.mock();
  auditor.createEvent.mockImplementation(async () => ({
    success: async () => {},
    fail: async () => {},
  }));
  return auditor;
}
