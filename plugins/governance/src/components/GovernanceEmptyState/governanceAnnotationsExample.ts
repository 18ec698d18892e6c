import {
  DEFAULT_TIER_POLICIES,
  GOVERNANCE_ANNOTATIONS,
  TESTING_KINDS,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A `metadata.annotations` block with every governance annotation, ready to paste into
 * catalog-info.yaml. Numbers and dates are quoted because annotation values must be strings,
 * and YAML would otherwise read them as numbers or dates.
 */
export function governanceAnnotationsExample(entityName: string): string {
  const tierNames = DEFAULT_TIER_POLICIES.map(p => p.name).join(', ');
  const lines: Array<[key: string, value: string, comment?: string]> = [
    [GOVERNANCE_ANNOTATIONS.tier, 'core', tierNames],
    [GOVERNANCE_ANNOTATIONS.techLead, 'user:default/jane.doe'],
    [GOVERNANCE_ANNOTATIONS.architect, 'user:default/amir.khan'],
    [GOVERNANCE_ANNOTATIONS.availabilitySlo, "'99.9'"],
    [GOVERNANCE_ANNOTATIONS.p95LatencySlo, '300ms'],
    [GOVERNANCE_ANNOTATIONS.lastSecurityReview, "'2026-01-15'"],
    [GOVERNANCE_ANNOTATIONS.testCoverage, "'80'"],
    [
      GOVERNANCE_ANNOTATIONS.testing,
      'unit,integration',
      TESTING_KINDS.join(', '),
    ],
    [
      GOVERNANCE_ANNOTATIONS.monitoring,
      `https://grafana.example.com/d/${entityName}`,
    ],
    [
      GOVERNANCE_ANNOTATIONS.runbook,
      `https://runbooks.example.com/${entityName}`,
    ],
    [GOVERNANCE_ANNOTATIONS.adrLocation, 'docs/adr', 'URL or relative path'],
    [
      GOVERNANCE_ANNOTATIONS.stack,
      "'languages: typescript; frameworks: express; datastores: postgresql'",
      'also message-brokers; CI can push these instead',
    ],
  ];
  return [
    'metadata:',
    '  annotations:',
    ...lines.map(
      ([key, value, comment]) =>
        `    ${key}: ${value}${comment ? ` # ${comment}` : ''}`,
    ),
  ].join('\n');
}
