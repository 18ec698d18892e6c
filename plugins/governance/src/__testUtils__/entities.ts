import { Entity } from '@backstage/catalog-model';

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'governance/tier': 'critical',
      'governance/tech-lead': 'jane.doe',
      'governance/architect': 'user:default/amir.khan',
      'governance/availability-slo': '99.99',
      'governance/p95-latency-slo': '350ms',
      'governance/test-coverage': '88',
      'governance/testing': 'unit,integration',
      'governance/monitoring': 'https://grafana.example.com/d/payments-api',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
};

export const unannotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-worker', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};
