import { Entity } from '@backstage/catalog-model';
import { isGovernanceAvailable } from './conditions';

function entityWith(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  };
}

describe('isGovernanceAvailable', () => {
  it('offers the tab once the entity has any governance annotation, even an invalid one', () => {
    expect(
      isGovernanceAvailable(entityWith({ 'governance/tier': 'gold' })),
    ).toBe(true);
    expect(
      isGovernanceAvailable(
        entityWith({ 'backstage.io/adr-location': 'docs/adr' }),
      ),
    ).toBe(true);
  });

  it('hides the tab for entities without governance annotations', () => {
    expect(isGovernanceAvailable(entityWith())).toBe(false);
    expect(
      isGovernanceAvailable(
        entityWith({ 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
  });
});
