import {
  Campaign,
  CampaignDay,
  CampaignState,
  CampaignTarget,
  CheckResult,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A campaign as stored: everything but its progress, which is worked out from the stored
 * scorecard results.
 *
 * @internal
 */
export type CampaignRecord = Omit<Campaign, 'progress'>;

/**
 * What the council sets on a campaign, already validated.
 *
 * @internal
 */
export interface CampaignFields {
  title: string;
  description: string;
  link?: string;
  checks: string[];
  target: CampaignTarget;
  deadline: string;
}

/**
 * The fields an edit changes; `link: null` clears the link.
 *
 * @internal
 */
export type CampaignChanges = Partial<Omit<CampaignFields, 'link'>> & {
  link?: string | null;
  state?: CampaignState;
};

/**
 * An evaluated entity where the scorecard placed it, with its current results: what a
 * campaign's target and checks are matched against.
 *
 * @internal
 */
export interface PlacedEntity {
  entityRef: string;
  owner?: string;
  system?: string;
  domain?: string;
  tier: string;
  results: CheckResult[];
}

/**
 * When an owner is told about a campaign; each is sent once per campaign and owner.
 *
 * @internal
 */
export type CampaignOccasion = 'started' | '14-days' | '3-days' | 'finished';

/**
 * Campaigns, their daily progress per owner and the notifications already sent.
 *
 * @internal
 */
export interface CampaignStore {
  createCampaign(
    fields: CampaignFields,
    createdBy: string,
    now: Date,
  ): Promise<CampaignRecord>;

  getCampaign(id: string): Promise<CampaignRecord | undefined>;

  /** Nearest deadline first. */
  listCampaigns(state: CampaignState | 'all'): Promise<CampaignRecord[]>;

  /**
   * Applies the changes when the campaign is still at `revision`, and returns it; undefined
   * when it is not (changed meanwhile, or gone).
   */
  updateCampaign(
    id: string,
    revision: number,
    changes: CampaignChanges,
    now: Date,
  ): Promise<CampaignRecord | undefined>;

  /**
   * The entities with current results (only those named, when given), with their placement.
   * `selects` picks entities by placement before their results are parsed, which is most of
   * the read's time at catalog scale.
   */
  listPlacedEntities(
    entityRefs?: string[],
    selects?: (entity: Omit<PlacedEntity, 'results'>) => boolean,
  ): Promise<PlacedEntity[]>;

  /** Replaces the campaign's progress rows of `day` (`YYYY-MM-DD`). */
  recordProgress(
    campaignId: string,
    day: string,
    byOwner: { owner: string; done: number; notDone: number }[],
  ): Promise<void>;

  /** The recorded days, oldest first, summed over owners. */
  getProgressHistory(campaignId: string): Promise<CampaignDay[]>;

  /** The notifications of the campaign already claimed, so a day's run claims only new ones. */
  listClaimedNotifications(
    campaignId: string,
  ): Promise<Array<{ owner: string; occasion: CampaignOccasion }>>;

  /**
   * Claims the notification for the occasion: true for the one caller that claims it first
   * (across replicas), false once it was claimed before.
   */
  claimNotification(
    campaignId: string,
    owner: string,
    occasion: CampaignOccasion,
    now: Date,
  ): Promise<boolean>;
}
