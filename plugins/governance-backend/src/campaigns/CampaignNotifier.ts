import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CampaignOwnerProgress } from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import {
  CampaignOccasion,
  CampaignRecord,
  CampaignStore,
} from '../database/CampaignStore';

const TOPIC = 'governance-campaign';

/** Reminders before the deadline, furthest first, with how many days ahead each is sent. */
const REMINDERS = [
  { occasion: '14-days', days: 14 },
  { occasion: '3-days', days: 3 },
] as const;

const claimKey = (owner: string, occasion: string) => `${occasion} ${owner}`;

function linkTo(campaign: CampaignRecord): string {
  return `/architecture-council/campaigns?campaign=${encodeURIComponent(
    campaign.id,
  )}`;
}

function daysBetween(from: string, to: string): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(
    DateTime.fromISO(from.slice(0, 10), { zone: 'utc' }),
    'days',
  ).days;
}

/**
 * Tells each owner about a campaign through Backstage's notifications: when it starts, 14 and
 * 3 days before its deadline (while they have entities not done), and when their last entity is
 * done. Each is claimed in the database before it is sent, so it goes out once across replicas
 * and restarts; one that cannot be sent is logged, never retried.
 *
 * @internal
 */
export class CampaignNotifier {
  constructor(
    private readonly deps: {
      store: CampaignStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Sends what is due today to each owner of an active campaign. */
  async notifyOwners(
    campaign: CampaignRecord,
    owners: CampaignOwnerProgress[],
    now: Date,
  ): Promise<void> {
    if (campaign.state !== 'active') {
      return;
    }
    const today = now.toISOString().slice(0, 10);
    const daysLeft = daysBetween(today, campaign.deadline);
    const ranFor = daysBetween(campaign.createdAt, campaign.deadline);
    // The nearest reminder due only: a campaign started 10 days out skips the 14-day one.
    const reminder = [...REMINDERS]
      .reverse()
      .find(r => daysLeft >= 0 && daysLeft <= r.days && ranFor > r.days);
    // One read of what was sent before: otherwise every daily run would try to claim each
    // owner's "started" notice again, one write per owner and campaign.
    const claimed = new Set(
      (await this.deps.store.listClaimedNotifications(campaign.id)).map(c =>
        claimKey(c.owner, c.occasion),
      ),
    );
    const once = this.once.bind(this, campaign, claimed, now);
    for (const progress of owners) {
      if (!progress.owner) {
        continue;
      }
      await once(progress.owner, 'started', {
        title: `Campaign started: ${campaign.title}`,
        description: `${progress.notDone} of your entities to bring in line by ${campaign.deadline}. ${campaign.description}`,
      });
      if (progress.notDone > 0 && reminder) {
        await once(progress.owner, reminder.occasion, {
          title: `${daysLeft} days left: ${campaign.title}`,
          description: `${progress.notDone} of your entities are not done; the deadline is ${campaign.deadline}.`,
        });
      }
      if (progress.notDone === 0 && progress.done > 0) {
        await once(progress.owner, 'finished', {
          title: `Campaign done: ${campaign.title}`,
          description: `All ${progress.done} of your entities meet the campaign's checks. Thank you.`,
        });
      }
    }
  }

  private async once(
    campaign: CampaignRecord,
    claimed: ReadonlySet<string>,
    now: Date,
    owner: string,
    occasion: CampaignOccasion,
    payload: { title: string; description: string },
  ): Promise<void> {
    const { store, notifications, logger } = this.deps;
    if (
      claimed.has(claimKey(owner, occasion)) ||
      !(await store.claimNotification(campaign.id, owner, occasion, now))
    ) {
      return;
    }
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: {
          title: payload.title,
          description: payload.description.slice(0, 500),
          link: linkTo(campaign),
          severity: occasion === '3-days' ? 'high' : 'normal',
          topic: TOPIC,
        },
      });
    } catch (error) {
      logger.warn(
        `Could not send the notification "${payload.title}" to ${owner}: ${error}`,
      );
    }
  }
}
