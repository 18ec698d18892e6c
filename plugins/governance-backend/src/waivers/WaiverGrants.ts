import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckResult,
  CreateWaiverRequest,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { randomUUID } from 'node:crypto';
import { AuditContext, audited } from '../audit/audited';
import { WaiverStore } from '../database/WaiverStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';

/**
 * A waiver checked against the entity's current checks, ready to be stored.
 *
 * @internal
 */
export interface PreparedWaiver {
  entity: Entity;
  check: CheckResult;
  request: CreateWaiverRequest;
  now: Date;
}

/**
 * Granting waivers, from the council's Waive action and from a granted waiver request alike:
 * the check must be one of the entity's checks now, the grant is audited, and the entity is
 * evaluated again so the scorecard shows `waived` at once. Permissions are the caller's concern.
 *
 * @internal
 */
export class WaiverGrants {
  constructor(
    private readonly deps: {
      store: WaiverStore;
      catalog: CatalogService;
      scorecards: ScorecardEngine;
      auditor: AuditorService;
    },
  ) {}

  /** The entity (as the caller sees it) and its check; 400 naming the checks it has. */
  async prepare(
    request: CreateWaiverRequest,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<PreparedWaiver> {
    const entity = await this.deps.catalog.getEntityByRef(request.entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(`No entity ${request.entityRef} in the catalog`);
    }
    const current = await this.deps.scorecards.evaluateLoadedEntity(
      entity,
      now,
    );
    const check = current.find(r => r.checkId === request.checkId);
    if (!check) {
      throw new InputError(
        `${request.entityRef} has no check '${
          request.checkId
        }'; its checks are ${
          current.map(r => r.checkId).join(', ') || 'none (no valid tier)'
        }`,
      );
    }
    return { entity, check, request, now };
  }

  async grant(
    prepared: PreparedWaiver,
    grantedBy: string,
    audit: AuditContext | undefined,
    link: Pick<Waiver, 'review' | 'adr'> = {},
  ): Promise<Waiver> {
    const { entity, request, now } = prepared;
    const waiver: Waiver = {
      id: randomUUID(),
      ...request,
      createdBy: grantedBy,
      createdAt: now.toISOString(),
      ...(link.review ? { review: link.review } : {}),
      ...(link.adr ? { adr: link.adr } : {}),
    };
    await audited(
      this.deps.auditor,
      audit,
      'waiver-create',
      {
        waiverId: waiver.id,
        entityRef: waiver.entityRef,
        checkId: waiver.checkId,
        expiresAt: waiver.expiresAt,
        ...(waiver.review ? { reviewId: waiver.review.id } : {}),
      },
      () => this.deps.store.createWaiver(waiver),
    );
    await this.deps.scorecards.evaluateLoadedEntity(entity, now);
    return waiver;
  }
}
