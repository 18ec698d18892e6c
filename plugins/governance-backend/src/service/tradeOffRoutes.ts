import { HttpAuthService } from '@backstage/backend-plugin-api';
import { TradeOffService } from '../reviews/TradeOffService';
import { GovernanceApiRouter } from './openApiRouter';

/**
 * The trade-off matrix routes of design reviews: read, replace (409 on a stale revision),
 * record what happened after the decision, and find the matrix an ADR records.
 *
 * @internal
 */
export function registerTradeOffRoutes(
  router: GovernanceApiRouter,
  options: { httpAuth: HttpAuthService; tradeOffs: TradeOffService },
): void {
  const { httpAuth, tradeOffs } = options;

  router.get('/reviews/:id/trade-off', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await tradeOffs.get(req.params.id, credentials));
  });

  router.put('/reviews/:id/trade-off', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await tradeOffs.save(req.params.id, req.body, credentials, {
        request: req,
      }),
    );
  });

  router.put('/reviews/:id/trade-off/outcomes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await tradeOffs.saveOutcomes(req.params.id, req.body, credentials, {
        request: req,
      }),
    );
  });

  router.get('/adrs/:id/trade-off', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await tradeOffs.getForAdr(req.params.id, credentials));
  });
}
