import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  FactDefinitions,
  governanceFactWritePermission,
  governanceWaiverCreatePermission,
  scorecardTrend,
  withLevelTrend,
} from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import { DateTime } from 'luxon';
import Router from 'express-promise-router';
import { GovernanceStore } from '../database/GovernanceStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';
import { EntitySummaryService } from '../summary/EntitySummaryService';
import { readFactsRequest } from './readFactsRequest';
import { readWaiverRequest } from './readWaiverRequest';
import { audited } from '../audit/audited';
import { requirePermission } from '../permissions/requirePermission';
import { registerComplianceRoutes } from './complianceRoutes';
import { registerAnnotationProblemRoutes } from './annotationProblemRoutes';
import { AnnotationProblemStore } from '../database/AnnotationProblemStore';
import { registerAdrRoutes } from './adrRoutes';
import { registerCampaignRoutes } from './campaignRoutes';
import { registerStackRoutes } from './stackRoutes';
import { StackTechnologiesService } from '../stack/StackTechnologiesService';
import { registerStandardsRoutes } from './standardsRoutes';
import { StandardsService } from '../standards/StandardsService';
import { CampaignService } from '../campaigns/CampaignService';
import { registerReviewRoutes } from './reviewRoutes';
import { registerTradeOffRoutes } from './tradeOffRoutes';
import { TradeOffService } from '../reviews/TradeOffService';
import { registerWaiverRequestRoutes } from './waiverRequestRoutes';
import { WaiverGrants } from '../waivers/WaiverGrants';
import { WaiverRequests } from '../waivers/WaiverRequests';
import { ReviewService } from '../reviews/ReviewService';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { AdrIngestor } from '../adrs/AdrIngestor';
import { DatabaseAdrStore } from '../database/DatabaseAdrStore';
import { readEntityRef } from './queryParameters';
import { FactWriters } from '../facts/FactWriters';
import { readInput } from './inputLimits';
import { createGovernanceApiRouter } from './openApiRouter';
import { explainValidationErrors } from './validation';

/** @internal */
export async function createRouter(options: {
  auditor: AuditorService;
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  adrStore: DatabaseAdrStore;
  adrs: AdrIngestor;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: GovernanceStore;
  annotationProblems: AnnotationProblemStore;
  summaries: EntitySummaryService;
  scorecards: ScorecardEngine;
  factDefinitions: FactDefinitions;
  reviews: ReviewService;
  tradeOffs: TradeOffService;
  campaigns: CampaignService;
  stackTechnologies: StackTechnologiesService;
  standards: StandardsService;
  councilGroup?: string;
  logger: LoggerService;
  factWriters: FactWriters;
  /** `governance.waivers.maxMonths`; 12 when absent. */
  waiverMaxMonths?: number;
  /** `governance.impact.windowDays`; 30 when absent. */
  impactWindowDays?: number;
}): Promise<express.Router> {
  const {
    httpAuth,
    factWriters,
    permissions,
    catalog,
    summaries,
    scorecards,
    factDefinitions,
  } = options;
  const router = Router();
  const waiverGrants = new WaiverGrants(options);
  const waiverRequests = new WaiverRequests({
    reviews: options.reviews,
    grants: waiverGrants,
  });

  const authorize = (
    permission: BasicPermission,
    credentials: BackstageCredentials,
    action: string,
  ) => requirePermission(permissions, permission, credentials, action);

  /** A user who may grant and revoke waivers; `action` names what was refused. */
  async function waiverGranter(
    req: Parameters<HttpAuthService['credentials']>[0],
    action: string,
  ) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(governanceWaiverCreatePermission, credentials, action);
    return credentials;
  }

  // Size, depth and control characters first: no route takes more, and the contract's
  // validator would walk whatever it is given.
  router.use(readInput());
  const api = await createGovernanceApiRouter();
  router.use(api);
  router.use(explainValidationErrors());

  api.get('/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = readEntityRef(req.query.entityRef);
    res.json(await summaries.getSummary(entityRef, credentials));
  });

  api.post('/scorecard/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = readEntityRef(req.query.entityRef);
    // Evaluated with the caller's credentials: only entities they can see can be refreshed.
    await scorecards.evaluateEntity(entityRef, { credentials });
    res.json(await summaries.getSummary(entityRef, credentials));
  });

  api.get('/scorecard/trend', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = readEntityRef(req.query.entityRef);
    const days = req.query.days ?? 90;
    // Only entities the caller can see in the catalog have a visible trend.
    if (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const today = DateTime.utc();
    const to = today.toJSDate();
    const from = today.minus({ days: days - 1 }).toJSDate();
    // Transitions are few (a row per change), so the whole history is read to know each
    // check's state on the first day of the window.
    const [transitions, levels] = await Promise.all([
      options.store.listTransitions(entityRef, new Date(0)),
      options.store.listLevelChanges(entityRef),
    ]);
    res.json({
      entityRef,
      days,
      points: withLevelTrend(scorecardTrend(transitions, { from, to }), levels),
    });
  });

  api.get('/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = readEntityRef(req.query.entityRef);
    if (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    res.json({ items: await options.store.listWaivers([entityRef]) });
  });

  api.post('/waivers', async (req, res) => {
    const credentials = await waiverGranter(req, 'Granting a waiver');
    const now = new Date();
    const request = readWaiverRequest(req.body, now, options.waiverMaxMonths);
    const waiver = await waiverGrants.grant(
      await waiverGrants.prepare(request, credentials, now),
      credentials.principal.userEntityRef,
      { request: req },
    );
    res.status(201).json(waiver);
  });

  api.delete('/waivers/:id', async (req, res) => {
    const credentials = await waiverGranter(req, 'Revoking a waiver');
    const now = new Date();
    const waiver = await audited(
      options.auditor,
      { request: req },
      'waiver-revoke',
      { waiverId: req.params.id },
      () =>
        options.store.revokeWaiver(
          req.params.id,
          credentials.principal.userEntityRef,
          now,
        ),
    );
    // The check returns to its real state right away, not at the next scheduled run.
    await scorecards.evaluateEntity(waiver.entityRef, { now });
    res.json(waiver);
  });

  api.post('/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Service principals (CI tokens) pass unless their access restrictions leave the
    // permission out; users need it and membership of the fact writers' group.
    await authorize(
      governanceFactWritePermission,
      credentials,
      'Pushing facts',
    );
    const principal = await factWriters.checkWriter(credentials);
    const now = new Date();
    const facts = factWriters.recordedAs(
      readFactsRequest(req.body, factDefinitions, now),
      principal,
    );
    const entityRefs = [...new Set(facts.map(f => f.entityRef))];
    await factWriters.checkEntities(entityRefs, credentials);

    await audited(
      options.auditor,
      { request: req },
      'facts-push',
      {
        facts: facts.length,
        entities: entityRefs.length,
        sources: [...new Set(facts.map(f => f.source))].slice(0, 20),
      },
      () => options.store.addFacts(facts, now),
    );
    // Re-evaluate the touched entities right away so their scorecards show the new facts.
    // Large batches are left to the scheduled evaluation, which is built for them.
    if (entityRefs.length <= 50) {
      for (const entityRef of entityRefs) {
        await scorecards.evaluateEntity(entityRef, { now });
      }
    }
    res.status(201).json({
      accepted: facts.length,
      entities: entityRefs.length,
      evaluated: entityRefs.length <= 50,
    });
  });

  registerComplianceRoutes(api, options);
  registerAnnotationProblemRoutes(api, options);
  registerAdrRoutes(api, options);
  registerReviewRoutes(api, options);
  registerTradeOffRoutes(api, options);
  registerCampaignRoutes(api, options);
  registerStackRoutes(api, options);
  registerStandardsRoutes(api, options);
  registerWaiverRequestRoutes(api, { ...options, waiverRequests });

  return router;
}
