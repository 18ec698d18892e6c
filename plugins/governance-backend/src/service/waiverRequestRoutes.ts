import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ReviewService } from '../reviews/ReviewService';
import { WaiverRequests } from '../waivers/WaiverRequests';
import { GovernanceApiRouter } from './openApiRouter';
import { readWaiverRequest } from './readWaiverRequest';
import { answeringConflicts } from './reviewRoutes';

/**
 * Waiver requests: an engineer asks for a waiver (`POST /waiver-requests`), the council grants
 * it from the review item (`POST /reviews/:id/waiver`); declining is rejecting the item.
 *
 * @internal
 */
export function registerWaiverRequestRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    reviews: ReviewService;
    waiverRequests: WaiverRequests;
    waiverMaxMonths?: number;
  },
): void {
  const { httpAuth, reviews, waiverRequests } = options;

  router.post('/waiver-requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { adr, ...waiver } = req.body;
    const input = readWaiverRequest(
      waiver,
      new Date(),
      options.waiverMaxMonths,
    );
    res
      .status(201)
      .json(
        await waiverRequests.request(
          { ...input, adr: adr?.trim() || undefined },
          credentials,
          { request: req },
        ),
      );
  });

  router.post('/reviews/:id/waiver', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { version, rationale, adr, reason, expiresAt } = req.body;
    // The waiver's terms are checked as any waiver's, for the entity and check of the request.
    const item = await reviews.get(req.params.id, credentials);
    const terms = readWaiverRequest(
      {
        entityRef: item.entityRef,
        checkId: item.waiverRequest?.checkId ?? '',
        reason,
        expiresAt,
      },
      new Date(),
      options.waiverMaxMonths,
    );
    if (!rationale.trim()) {
      throw new InputError(
        'Invalid waiver grant: rationale is required: why the council granted it (at most 10000 characters)',
      );
    }
    await answeringConflicts(res, async () =>
      res.status(201).json(
        await waiverRequests.grant(
          req.params.id,
          {
            version,
            reason: terms.reason,
            expiresAt: terms.expiresAt,
            rationale: rationale.trim(),
            adr: adr?.trim() || undefined,
          },
          credentials,
          { request: req },
        ),
      ),
    );
  });
}
