import { STACK_FACTS } from '@catalog-governance/backstage-plugin-governance-common';
import { factNamesRead } from './factNamesRead';

describe('factNamesRead', () => {
  const checks = [[{ factName: 'coverage' }, { factName: 'availability' }]];

  it('names the facts the checks are about, once each, and no delivery metric', () => {
    expect(
      factNamesRead([...checks, [{ factName: 'coverage' }]], { stack: false }),
    ).toEqual(['availability', 'coverage']);
  });

  it('adds the stack facts when the approved-stack check runs', () => {
    expect(factNamesRead(checks, { stack: true })).toEqual(
      expect.arrayContaining([
        'availability',
        'coverage',
        ...Object.values(STACK_FACTS),
      ]),
    );
  });
});
