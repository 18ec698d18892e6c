import { decisionScopeLevelFor, resolveDecisionScope } from './decisionScope';

describe('decision scope', () => {
  it.each([
    [1, 'service'],
    [2, 'service'],
    [4, 'service'],
    [5, 'related-services'],
    [9, 'related-services'],
    [10, 'domain'],
    [25, 'domain'],
  ])('a team of %i engineers decides at the %s level', (members, level) => {
    expect(decisionScopeLevelFor(members)).toBe(level);
  });

  it('lets a small team decide within its service and sends the rest to the council', () => {
    const scope = resolveDecisionScope(3);
    expect(scope.teamDecides.map(d => d.id)).toEqual([
      'stack-choice',
      'api-design',
      'data-model',
    ]);
    expect(scope.councilDecides.map(d => d.id)).toContain('service-boundaries');
    expect(scope.councilDecides.map(d => d.id)).toContain('platform-selection');
  });

  it('always sends platform selection and enterprise integration to the council', () => {
    const scope = resolveDecisionScope(40);
    expect(scope.councilDecides.map(d => d.id)).toEqual([
      'platform-selection',
      'enterprise-integration',
    ]);
    expect(scope.teamDecides.map(d => d.id)).toContain(
      'deployment-architecture',
    );
  });

  it('lets a mid-sized team decide across related services but not domain contracts', () => {
    const scope = resolveDecisionScope(7);
    expect(scope.teamDecides.map(d => d.id)).toContain('testing-strategy');
    expect(scope.councilDecides.map(d => d.id)).toContain(
      'cross-service-contracts',
    );
    expect(scope.description).toContain('across related services');
  });
});
