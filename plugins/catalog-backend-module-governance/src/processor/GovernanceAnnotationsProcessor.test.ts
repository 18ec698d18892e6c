import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { GovernanceAnnotationsProcessor } from './GovernanceAnnotationsProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

describe('GovernanceAnnotationsProcessor', () => {
  function processor(governance: object = {}) {
    const logger = mockServices.logger.mock();
    return {
      logger,
      processor: GovernanceAnnotationsProcessor.fromConfig(
        new ConfigReader({ governance }),
        { logger },
      ),
    };
  }

  it('emits one processing error per malformed key, naming key, value and what is allowed', async () => {
    const emit = jest.fn();
    const input = entity({
      'governance/tier': 'platinum',
      'governance/availability-slo': '99.99.9',
      'governance/last-security-review': 'soon',
      'governance/tech-lead': 'Jane Doe',
    });
    const output = await processor().processor.preProcessEntity(
      input,
      location,
      emit,
    );

    expect(output).toBe(input);
    const messages = emit.mock.calls.map(([result]) => {
      expect(result.type).toBe('error');
      expect(result.location).toBe(location);
      return result.error.message as string;
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /governance\/tier: 'platinum'.*critical, core, supporting/,
      ),
      expect.stringMatching(
        /governance\/availability-slo: '99\.99\.9'.*percentage/,
      ),
      expect.stringMatching(
        /governance\/last-security-review: 'soon'.*YYYY-MM-DD/,
      ),
      expect.stringMatching(/governance\/tech-lead: 'Jane Doe'.*entity ref/),
    ]);
    expect(emit.mock.calls[0][0].error.name).toBe('InputError');
  });

  it('emits nothing for valid or absent governance annotations', async () => {
    const emit = jest.fn();
    const { processor: p } = processor();
    await p.preProcessEntity(
      entity({ 'governance/tier': 'core' }),
      location,
      emit,
    );
    await p.preProcessEntity(entity({}), location, emit);
    expect(emit).not.toHaveBeenCalled();
  });

  it('accepts tiers added in app-config', async () => {
    const emit = jest.fn();
    const { processor: p } = processor({
      tiers: {
        experimental: {
          minAvailabilityPercent: 95,
          maxP95LatencyMs: 5000,
          securityReview: { everyMonths: 24 },
          testing: { minCoveragePercent: 0, requiredKinds: [] },
        },
      },
    });
    await p.preProcessEntity(
      entity({ 'governance/tier': 'experimental' }),
      location,
      emit,
    );
    expect(emit).not.toHaveBeenCalled();
  });

  it('only logs in warn mode, so the entity is ingested anyway', async () => {
    const emit = jest.fn();
    const { processor: p, logger } = processor({
      validation: { mode: 'warn' },
    });
    await p.preProcessEntity(
      entity({ 'governance/tier': 'platinum' }),
      location,
      emit,
    );
    expect(emit).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "component:default/payments: Invalid annotation governance/tier: 'platinum'",
      ),
    );
  });

  it('refuses an unknown validation mode at start-up', () => {
    expect(() => processor({ validation: { mode: 'loud' } })).toThrow(
      "'governance.validation.mode': 'loud' is not allowed, expected error or warn",
    );
  });
});
