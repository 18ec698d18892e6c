import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  ForwardedError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Campaign,
  CampaignDetail,
  CampaignEntityPage,
  CampaignState,
  CampaignTarget,
  CreateCampaignRequest,
  EntityCampaign,
  governanceCampaignManagePermission,
  UpdateCampaignRequest,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalation } from '@catalog-governance/backstage-plugin-governance-node';
import { AuditContext, audited } from '../audit/audited';
import { readCatalogFilterMatches } from '../catalog/catalogFilter';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { scheduledJob } from '../scheduledJob';
import {
  CampaignRecord,
  CampaignStore,
  PlacedEntity,
} from '../database/CampaignStore';
import { CampaignNotifier } from './CampaignNotifier';
import { readCampaignChanges, readNewCampaign } from './campaignInput';
import {
  campaignEntities,
  inTarget,
  progressByOwner,
  progressOf,
} from './campaignProgress';

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Campaigns' rules, shared by the HTTP routes, the actions registry and the scheduled job: who
 * may create, edit and close them, validation, audit events, progress from the stored
 * scorecard results, notifications and the escalation of overdue owners.
 *
 * @internal
 */
export class CampaignService {
  private readonly visibility: CatalogVisibility;

  constructor(
    private readonly deps: {
      store: CampaignStore;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      auditor: AuditorService;
      logger: LoggerService;
      notifier: CampaignNotifier;
      /** Every check id a scorecard can hold. */
      knownChecks: () => ReadonlySet<string>;
    },
  ) {
    this.visibility = new CatalogVisibility(deps);
  }

  /** Records the day's progress on the schedule, on one replica per tick. */
  readonly schedule = scheduledJob('governance-campaign-progress', () =>
    this.recordDay(),
  );

  /** Campaigns with their progress now, nearest deadline first. */
  async list(state: CampaignState | 'all'): Promise<Campaign[]> {
    const { store } = this.deps;
    const campaigns = await store.listCampaigns(state);
    const entities = campaigns.length ? await store.listPlacedEntities() : [];
    const rowsOf = await this.selecting(campaigns);
    return campaigns.map(campaign => ({
      ...campaign,
      progress: progressOf(rowsOf(campaign, entities)),
    }));
  }

  /**
   * One campaign with its daily history and owners, furthest behind first. The history ends
   * with today as it stands now: the job records a day only once an hour, and a burn-up that
   * stopped short of the progress bar beside it would look wrong.
   */
  async get(id: string, now = new Date()): Promise<CampaignDetail> {
    const { store } = this.deps;
    const campaign = await this.load(id);
    const rows = await this.placedIn(campaign);
    const progress = progressOf(rows);
    const today = now.toISOString().slice(0, 10);
    const recorded = await store.getProgressHistory(id);
    return {
      ...campaign,
      progress,
      history: [
        ...recorded.filter(point => point.day < today),
        { day: today, done: progress.done, notDone: progress.notDone },
      ],
      owners: progressByOwner(rows),
    };
  }

  /** A page of the campaign's entities that the caller can see in the catalog. */
  async listEntities(
    id: string,
    query: { done?: boolean; owner?: string; page: number; pageSize: number },
    credentials: BackstageCredentials,
  ): Promise<CampaignEntityPage> {
    const campaign = await this.load(id);
    let rows = (await this.placedIn(campaign)).filter(
      row =>
        (query.done === undefined || row.done === query.done) &&
        (query.owner === undefined || row.owner === query.owner),
    );
    const hidden = await this.visibility.hiddenFrom(credentials, async () =>
      rows.map(row => row.entityRef),
    );
    if (hidden === 'all') {
      rows = [];
    } else if (hidden?.length) {
      const hiddenSet = new Set(hidden);
      rows = rows.filter(row => !hiddenSet.has(row.entityRef));
    }
    const start = (query.page - 1) * query.pageSize;
    return {
      items: rows.slice(start, start + query.pageSize),
      totalCount: rows.length,
    };
  }

  /** The campaigns an entity the caller can see is in, nearest deadline first. */
  async entityCampaigns(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityCampaign[]> {
    const hidden = await this.visibility.hiddenFrom(credentials, async () => [
      entityRef,
    ]);
    if (hidden === 'all' || hidden?.includes(entityRef)) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const { store } = this.deps;
    const entities = await store.listPlacedEntities([entityRef]);
    const all = await store.listCampaigns('all');
    const rowsOf = await this.selecting(all);
    const campaigns: EntityCampaign[] = [];
    for (const campaign of all) {
      const [row] = rowsOf(campaign, entities);
      if (row) {
        campaigns.push({
          id: campaign.id,
          title: campaign.title,
          ...(campaign.link && { link: campaign.link }),
          deadline: campaign.deadline,
          state: campaign.state,
          done: row.done,
        });
      }
    }
    return campaigns;
  }

  /** Starts a campaign and tells its owners. */
  async create(
    input: CreateCampaignRequest,
    credentials: BackstageCredentials,
    audit?: AuditContext,
    now = new Date(),
  ): Promise<Campaign> {
    const actor = await this.authorize(credentials);
    const fields = readNewCampaign(input, this.deps.knownChecks(), dayOf(now));
    const campaign = await audited(
      this.deps.auditor,
      audit,
      'campaign-create',
      { title: fields.title, checks: fields.checks, deadline: fields.deadline },
      () => this.deps.store.createCampaign(fields, actor, now),
    );
    return this.withProgress(campaign, now, { notify: true });
  }

  /** Edits or closes a campaign, based on the revision the caller read. */
  async update(
    id: string,
    input: UpdateCampaignRequest,
    credentials: BackstageCredentials,
    audit?: AuditContext,
    now = new Date(),
  ): Promise<Campaign> {
    await this.authorize(credentials);
    const current = await this.load(id);
    const changes = readCampaignChanges(
      input,
      current,
      this.deps.knownChecks(),
      dayOf(now),
    );
    const eventId =
      changes.state === 'closed' && current.state !== 'closed'
        ? 'campaign-close'
        : 'campaign-update';
    const updated = await audited(
      this.deps.auditor,
      audit,
      eventId,
      { campaignId: id, fields: Object.keys(changes) },
      async () => {
        const result = await this.deps.store.updateCampaign(
          id,
          input.revision,
          changes,
          now,
        );
        if (!result) {
          const latest = await this.load(id);
          throw new ConflictError(
            `Campaign ${id} was changed by someone else: it is at revision ${latest.revision}. Reload it and apply your change again.`,
          );
        }
        return result;
      },
    );
    return this.withProgress(updated, now, { notify: true });
  }

  /**
   * Records today's progress of every active campaign, per owner, and sends the notifications
   * that are due. The scheduled job runs it; the day's last run is the one kept.
   */
  async recordDay(now = new Date()): Promise<{ campaigns: number }> {
    const { store, notifier } = this.deps;
    const campaigns = await store.listCampaigns('active');
    const entities = campaigns.length ? await store.listPlacedEntities() : [];
    const rowsOf = await this.selecting(campaigns);
    for (const campaign of campaigns) {
      const owners = progressByOwner(rowsOf(campaign, entities));
      await store.recordProgress(campaign.id, dayOf(now), owners);
      await notifier.notifyOwners(campaign, owners, now);
    }
    return { campaigns: campaigns.length };
  }

  /**
   * One escalation per owner with entities not done in an active campaign past its deadline;
   * the cause key names campaign and owner, so the review queue raises each once.
   */
  async overdueEscalations(now = new Date()): Promise<GovernanceEscalation[]> {
    const { store } = this.deps;
    const today = dayOf(now);
    const overdue = (await store.listCampaigns('active')).filter(
      c => c.deadline < today,
    );
    const entities = overdue.length ? await store.listPlacedEntities() : [];
    const rowsOf = await this.selecting(overdue);
    return overdue.flatMap(campaign =>
      progressByOwner(rowsOf(campaign, entities))
        .filter(o => o.owner && o.notDone > 0)
        .map(o => ({
          entityRef: o.owner,
          kind: 'nfr-escalation',
          priority: 'high' as const,
          title: `Campaign overdue: ${campaign.title}`,
          description:
            `The campaign "${campaign.title}" ended on ${campaign.deadline} and ` +
            `${o.notDone} of ${o.owner}'s entities still fail its checks ` +
            `(${campaign.checks.join(', ')}).`,
          causeKey: `${campaign.id}:${o.owner}`,
        })),
    );
  }

  private async withProgress(
    campaign: CampaignRecord,
    now: Date,
    options: { notify: boolean },
  ): Promise<Campaign> {
    const rows = await this.placedIn(campaign);
    if (options.notify) {
      await this.deps.notifier.notifyOwners(
        campaign,
        progressByOwner(rows),
        now,
      );
    }
    return { ...campaign, progress: progressOf(rows) };
  }

  /** The campaign's rows, from the entities its target selects read without the others' results. */
  private async placedIn(campaign: CampaignRecord) {
    const matches = await this.filterMatches([campaign]);
    const filterMatches = matches(campaign.target);
    const entities = await this.deps.store.listPlacedEntities(
      undefined,
      inTarget(campaign.target, filterMatches),
    );
    return campaignEntities(campaign, entities, filterMatches);
  }

  /** Each campaign's rows among `entities`, with the catalog filters of all of them read once. */
  private async selecting(campaigns: CampaignRecord[]) {
    const matches = await this.filterMatches(campaigns);
    return (campaign: CampaignRecord, entities: PlacedEntity[]) =>
      campaignEntities(campaign, entities, matches(campaign.target));
  }

  /**
   * The refs each distinct catalog filter among the targets matches, read once per progress
   * computation and with the plugin's own credentials: a campaign covers what the council
   * chose, whoever looks at it (the entity lists hide what the caller may not see). Targets
   * without a filter cost no catalog call.
   */
  private async filterMatches(
    targets: Array<{ target: CampaignTarget }>,
  ): Promise<(target: CampaignTarget) => ReadonlySet<string> | undefined> {
    const filters = new Set(
      targets.flatMap(({ target }) =>
        target.filter === undefined ? [] : [target.filter],
      ),
    );
    const matches = new Map<string, ReadonlySet<string>>();
    if (filters.size) {
      const credentials = await this.deps.auth.getOwnServiceCredentials();
      for (const filter of filters) {
        try {
          matches.set(
            filter,
            await readCatalogFilterMatches({
              catalog: this.deps.catalog,
              credentials,
              filter,
            }),
          );
        } catch (error) {
          throw new ForwardedError(
            `Could not read the catalog entities matching the campaign filter ${filter}`,
            error,
          );
        }
      }
    }
    return target =>
      target.filter === undefined ? undefined : matches.get(target.filter);
  }

  private async load(id: string): Promise<CampaignRecord> {
    const campaign = await this.deps.store.getCampaign(id);
    if (!campaign) {
      throw new NotFoundError(`No campaign ${id}`);
    }
    return campaign;
  }

  /** The caller's ref, once the permission framework allows them to manage campaigns. */
  private async authorize(credentials: BackstageCredentials): Promise<string> {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: governanceCampaignManagePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Managing campaigns needs the ${governanceCampaignManagePermission.name} permission`,
      );
    }
    const principal = credentials.principal as { userEntityRef?: string };
    return principal.userEntityRef ?? 'service';
  }
}
