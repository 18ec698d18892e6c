import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  GOVERNANCE_ADR_DOCUMENT_TYPE,
  GovernanceAdrDocument,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Readable } from 'node:stream';
import { GovernanceAdrReader } from './GovernanceAdrReader';
import { markdownToText } from './markdownToText';

/** How the ADR collator pages through the governance API and builds links. */
export interface GovernanceAdrCollatorOptions {
  /** ADRs fetched a page; the governance API allows at most 100. */
  pageSize: number;
  /** Where a result opens; `:namespace`, `:kind`, `:name` and `:adrId` are filled in. */
  locationTemplate: string;
  /** The longest `text` a document carries, so one huge ADR cannot bloat the index. */
  maxTextLength: number;
}

export const defaultGovernanceAdrCollatorOptions: GovernanceAdrCollatorOptions =
  {
    pageSize: 100,
    locationTemplate: '/catalog/:namespace/:kind/:name/governance?adr=:adrId',
    maxTextLength: 20_000,
  };

/**
 * Indexes every ADR the governance backend has stored. It reads them through the
 * governance API with the search plugin's own service credentials, and each document
 * carries its entity as `authorization.resourceRef`, so search shows an ADR only to users
 * who may read that entity in the catalog.
 */
export class GovernanceAdrCollatorFactory implements DocumentCollatorFactory {
  readonly type = GOVERNANCE_ADR_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      options?: Partial<GovernanceAdrCollatorOptions>;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<GovernanceAdrDocument> {
    const options = {
      ...defaultGovernanceAdrCollatorOptions,
      ...this.deps.options,
    };
    const reader = new GovernanceAdrReader(this.deps);
    let indexed = 0;
    for await (const adr of reader.readAll(options.pageSize)) {
      const entity = parseEntityRef(adr.entityRef);
      yield {
        title: adr.number ? `ADR ${adr.number}: ${adr.title}` : adr.title,
        text: markdownToText(adr.body).slice(0, options.maxTextLength),
        location: fillTemplate(options.locationTemplate, {
          namespace: entity.namespace,
          kind: entity.kind,
          name: entity.name,
          adrId: adr.id,
        }),
        adrId: adr.id,
        entityRef: adr.entityRef,
        number: adr.number,
        status: adr.status ?? 'unknown',
        statusText: adr.statusText,
        date: adr.date,
        owner: adr.owner,
        authorization: { resourceRef: adr.entityRef },
      };
      indexed += 1;
    }
    this.deps.logger.info(`Indexed ${indexed} ADRs for search`);
  }
}

function fillTemplate(template: string, values: Record<string, string>) {
  return template.replace(/:(namespace|kind|name|adrId)\b/g, (_, key) =>
    encodeURIComponent(
      key === 'adrId' ? values[key] : values[key].toLocaleLowerCase('en-US'),
    ),
  );
}
