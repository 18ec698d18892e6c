import {
  comment,
  emptyReviewPage,
  ref,
  reviewItem,
  reviewPage,
  reviewRequest,
  reviewSettings,
  updatedItem,
} from './answers';
import { answersJson, Exchange, refQuery } from './exchanges';

/** The review calls of the client: what each sends, and what it makes of the answer. */
export const reviewExchanges: Exchange[] = [
  {
    behaviour:
      'sends the filters of the review queue, repeating the parameters that take several values, with an empty assignee for unassigned items',
    call: client =>
      client.listReviews({
        entityRef: ref,
        status: ['open', 'in-review'],
        kind: ['design-review', 'tier-change'],
        priority: ['high', 'critical'],
        assignee: '',
        overdue: true,
        offset: 25,
        limit: 25,
      }),
    ...answersJson(200, reviewPage),
    sends: {
      method: 'GET',
      path: '/reviews',
      query: [
        ...refQuery,
        ['status', 'open'],
        ['status', 'in-review'],
        ['kind', 'design-review'],
        ['kind', 'tier-change'],
        ['priority', 'high'],
        ['priority', 'critical'],
        ['assignee', ''],
        ['overdue', 'true'],
        ['offset', '25'],
        ['limit', '25'],
      ],
    },
  },
  {
    behaviour:
      'leaves the whole review query to the backend when none is given',
    call: client => client.listReviews(),
    ...answersJson(200, emptyReviewPage),
    sends: { method: 'GET', path: '/reviews' },
  },
  {
    behaviour:
      'leaves out the review filters that are empty, and overdue unless it is asked for',
    call: client =>
      client.listReviews({
        status: [],
        assignee: 'user:default/amir.khan',
        overdue: false,
      }),
    ...answersJson(200, emptyReviewPage),
    sends: {
      method: 'GET',
      path: '/reviews',
      query: [['assignee', 'user:default/amir.khan']],
    },
  },
  {
    behaviour: 'reads the review settings',
    call: client => client.getReviewSettings(),
    ...answersJson(200, reviewSettings),
    sends: { method: 'GET', path: '/reviews/settings' },
  },
  {
    behaviour: 'reads one review item by its id, escaped in the path',
    call: client => client.getReview('a/b'),
    ...answersJson(200, reviewItem),
    sends: { method: 'GET', path: '/reviews/a%2Fb' },
  },
  {
    behaviour: 'requests a review by posting JSON',
    call: client => client.requestReview(reviewRequest),
    ...answersJson(201, reviewItem),
    sends: {
      method: 'POST',
      path: '/reviews',
      body: JSON.stringify(reviewRequest),
    },
  },
  {
    behaviour: 'comments on a review by posting JSON',
    call: client => client.commentOnReview('review-1', 'Looks good'),
    ...answersJson(201, comment),
    sends: {
      method: 'POST',
      path: '/reviews/review-1/comments',
      body: JSON.stringify({ body: 'Looks good' }),
    },
  },
  {
    behaviour:
      'updates a review item with a PATCH naming the version it was based on',
    call: client =>
      client.updateReview('review-1', { version: 4, priority: 'critical' }),
    ...answersJson(200, updatedItem),
    sends: {
      method: 'PATCH',
      path: '/reviews/review-1',
      body: JSON.stringify({ version: 4, priority: 'critical' }),
    },
  },
];
