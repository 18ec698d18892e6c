import { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DECISION_KINDS,
  resolveDecisionScope,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { EscalationSignals } from '../../database/EscalationSignals';
import { readEntitiesByRefs } from '../../catalog/readEntitiesByRefs';

/**
 * A decision outside the team's scope: a proposed or accepted ADR declaring a decision scope
 * (e.g. `platform-selection`) that the owning team's size does not reach. Platform selection
 * and enterprise integration always escalate. One item per ADR and scope.
 *
 * @internal
 */
export function decisionOutsideScopeTrigger(options: {
  catalog: CatalogService;
  auth: AuthService;
  signals: EscalationSignals;
}): GovernanceEscalationTrigger {
  return {
    id: 'decision-outside-scope',
    async evaluate() {
      const { catalog, auth, signals } = options;
      const adrs = (await signals.listScopedAdrs()).filter(adr =>
        DECISION_KINDS.some(kind => kind.id === adr.scope),
      );
      const owners = await readEntitiesByRefs({
        catalog,
        entityRefs: [
          ...new Set(adrs.flatMap(adr => (adr.owner ? [adr.owner] : []))),
        ],
        credentials: await auth.getOwnServiceCredentials(),
        extraFields: ['relations'],
      });
      const memberCount = (owner: string | undefined) =>
        (owner ? owners.get(owner)?.relations ?? [] : []).filter(
          r => r.type === RELATION_HAS_MEMBER,
        ).length;
      return adrs.flatMap(adr => {
        const scope = resolveDecisionScope(memberCount(adr.owner));
        const kind = scope.councilDecides.find(k => k.id === adr.scope);
        if (!kind) {
          return [];
        }
        return [
          {
            entityRef: adr.entityRef,
            kind: 'adr-review',
            priority: 'high' as const,
            title: `Decision outside the team's scope: ${adr.title}`,
            description:
              kind.scope === 'council'
                ? `The ADR "${adr.title}" declares the scope ${kind.title}, which always goes to the architecture council.`
                : `The ADR "${adr.title}" declares the scope ${
                    kind.title
                  }, beyond what ${adr.owner ?? 'the owning team'} decides (${
                    scope.description
                  }).`,
            causeKey: `${adr.id}:${adr.scope}`,
          },
        ];
      });
    },
  };
}
