import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_ADR_POLICY } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseAdrStore } from '../database/DatabaseAdrStore';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import { ADR_INGESTION_ACTOR } from '../database/recordedAdrLink';
import { AdrIngestor } from './AdrIngestor';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';
import { adrLocationEntity } from './__testUtils__/adrLocationEntity';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const madr = (title: string, review?: string) =>
  `---\nstatus: accepted\ndate: 2026-11-20\n${
    review ? `review: ${review}\n` : ''
  }---\n\n# ${title}\n`;

describeEachDatabase(
  'linking review items to the ADRs that record them,',
  database => {
    async function setup() {
      const dir = createMockDirectory();
      const entity = (name: string) =>
        adrLocationEntity(dir, 'Component', name, `adrs/${name}`, {
          type: 'service',
        });
      const knex = await database.migrated();
      const adrStore = new DatabaseAdrStore(knex, {
        policy: DEFAULT_ADR_POLICY.retrospective,
      });
      const reviews = new DatabaseReviewStore(knex);
      const logger = mockServices.logger.mock();
      const ingestor = new AdrIngestor({
        catalog: catalogServiceMock({
          entities: [entity('checkout-web'), entity('payments')],
        }),
        auth: mockServices.auth(),
        urlReader: UrlReaders.create({
          config: new ConfigReader({
            governance: { adrs: { allowedLocalDirectories: [dir.path] } },
          }),
          logger,
          factories: [LocalDirectoryUrlReader.factory],
        }),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        store: adrStore,
        policy: DEFAULT_ADR_POLICY,
        logger,
        reviews,
      });
      const request = async (entityRef: string) =>
        (await reviews.createItem(
          {
            entityRef,
            kind: 'design-review',
            title: 'Styles for the checkout',
            description: '',
            priority: 'medium',
          },
          'user:default/jane',
        ))!;
      return { dir, adrStore, reviews, ingestor, logger, request };
    }

    it('links the review item once its ADR lands, and records it in the history once', async () => {
      const { dir, adrStore, reviews, ingestor, request } = await setup();
      const item = await request('component:default/checkout-web');
      await reviews.updateItem(
        item.id,
        item.version,
        {
          status: 'approved',
          decision: { outcome: 'approved', rationale: 'Smaller bundle' },
        },
        'user:default/council',
      );
      dir.setContent({
        'adrs/checkout-web/0007-use-css-modules.md': madr(
          'Use CSS modules',
          item.id,
        ),
      });

      await ingestor.ingestAll();
      const [adr] = await adrStore.listEntityAdrs(
        'component:default/checkout-web',
        new Date(),
      );
      const detail = await reviews.getDetail(item.id);
      expect(detail?.decision?.adr).toBe(adr.id);
      const recorded = detail?.history.filter(
        entry => entry.action === 'adr-recorded',
      );
      expect(recorded).toEqual([
        expect.objectContaining({
          actor: ADR_INGESTION_ACTOR,
          changes: [
            { field: 'decisionAdr', from: null, to: adr.id },
            {
              field: 'recordedAdr',
              from: null,
              to: 'ADR 0007: Use CSS modules',
            },
          ],
        }),
      ]);

      // Read again (a change elsewhere in the folder): nothing new to record.
      dir.addContent({ 'adrs/checkout-web/0008-later.md': madr('Later') });
      await ingestor.ingestAll();
      expect(
        (await reviews.getDetail(item.id))?.history.filter(
          entry => entry.action === 'adr-recorded',
        ),
      ).toHaveLength(1);
    });

    it("links an undecided item's ADR, and never an item of another entity", async () => {
      const { dir, adrStore, reviews, ingestor, logger, request } =
        await setup();
      const open = await request('component:default/checkout-web');
      const othersItem = await request('component:default/payments');
      dir.setContent({
        'adrs/checkout-web/0001-one.md': madr('One', open.id),
        'adrs/checkout-web/0002-two.md': madr('Two', othersItem.id),
      });

      await ingestor.ingestAll();
      const [one] = await adrStore.listEntityAdrs(
        'component:default/checkout-web',
        new Date(),
      );
      expect((await reviews.getItem(open.id))?.adr).toBe(one.id);
      expect((await reviews.getItem(othersItem.id))?.adr).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        `ADR 0002: Two of component:default/checkout-web names review item ${othersItem.id}, which is not a review item of that entity`,
      );
    });
  },
);
