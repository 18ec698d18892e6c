import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ReviewItem } from '@catalog-governance/backstage-plugin-governance-common';

const TOPIC = 'governance-review';

function linkTo(item: ReviewItem): string {
  return `/architecture-council/reviews?review=${encodeURIComponent(item.id)}`;
}

/**
 * Tells people about the review queue through Backstage's notifications: the council about
 * new escalations and requests, the assignee on assignment, the requester and the entity's
 * owners on a decision. A notification that cannot be sent is logged, never fails the change.
 *
 * @internal
 */
export class ReviewNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      logger: LoggerService;
      councilGroup?: string;
    },
  ) {}

  async newItem(item: ReviewItem): Promise<void> {
    if (!this.deps.councilGroup) {
      return;
    }
    const escalated = item.origin.type === 'trigger';
    await this.send([this.deps.councilGroup], {
      title: escalated
        ? `Escalation: ${item.title}`
        : `Review requested: ${item.title}`,
      description: `${item.entityRef}: ${item.description}`.slice(0, 500),
      link: linkTo(item),
      severity: escalated ? 'high' : 'normal',
    });
  }

  async assigned(item: ReviewItem): Promise<void> {
    if (item.assignee) {
      await this.send([item.assignee], {
        title: `Review assigned to you: ${item.title}`,
        description: `${item.entityRef}, priority ${item.priority}${
          item.dueDate ? `, due ${item.dueDate}` : ''
        }`,
        link: linkTo(item),
        severity: 'normal',
      });
    }
  }

  /**
   * The trigger no longer sees the item's cause: its assignee is told, or the council when
   * nobody is assigned, since someone has to know that the item closed or awaits closing.
   */
  async causeCleared(item: ReviewItem): Promise<void> {
    const recipient = item.assignee ?? this.deps.councilGroup;
    if (!recipient || !item.causeCleared) {
      return;
    }
    const closed = item.causeCleared.action === 'closed';
    await this.send([recipient], {
      title: `${closed ? 'Resolved' : 'Cause cleared'}: ${item.title}`,
      description: closed
        ? `${item.entityRef}: what raised this item no longer holds, so it was closed as resolved.`
        : `${item.entityRef}: what raised this item no longer holds. Close it as resolved, or keep it open if the council still needs it.`,
      link: linkTo(item),
      severity: 'normal',
    });
  }

  async decided(item: ReviewItem, owners: string[]): Promise<void> {
    if (!item.decision) {
      return;
    }
    const recipients = [
      ...(item.origin.type === 'user' ? [item.origin.requestedBy] : []),
      ...owners,
    ];
    await this.send(recipients, {
      title: `Review ${item.decision.outcome}: ${item.title}`,
      description: item.decision.rationale.slice(0, 500),
      link: linkTo(item),
      severity: 'normal',
    });
  }

  private async send(
    entityRefs: string[],
    payload: {
      title: string;
      description: string;
      link: string;
      severity: 'high' | 'normal';
    },
  ): Promise<void> {
    const recipients = [...new Set(entityRefs.filter(Boolean))];
    if (recipients.length === 0) {
      return;
    }
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: { ...payload, topic: TOPIC },
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not send the notification "${payload.title}": ${error}`,
      );
    }
  }
}
