import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ADR_STATUSES,
  AdrDateOrder,
  parseAdr,
  ParsedAdr,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  GovernanceAdrFile,
  GovernanceAdrParser,
} from '@catalog-governance/backstage-plugin-governance-node';
import { DateTime } from 'luxon';

const ADR_FORMATS: ReadonlyArray<ParsedAdr['format']> = [
  'madr',
  'nygard',
  'unknown',
];

/**
 * Reads ADR files with the parsers added through `governanceAdrParserExtensionPoint`, in the
 * order they were added, and with the built-in `parseAdr` for the files none of them claims.
 *
 * @internal
 */
export class AdrParsers {
  constructor(
    private readonly options: {
      parsers: GovernanceAdrParser[];
      dateOrder: AdrDateOrder;
      logger: LoggerService;
    },
  ) {
    const ids = new Set<string>();
    for (const { id } of options.parsers) {
      if (ids.has(id)) {
        throw new Error(
          `Custom ADR parser '${id}' reuses the id of another ADR parser; give it a unique id`,
        );
      }
      ids.add(id);
    }
  }

  /**
   * The file as the first parser that claims it reads it. A custom parser that fails leaves the
   * file to the built-in parser with a warning, so that the other files of its location are
   * still stored.
   */
  async parse(file: GovernanceAdrFile): Promise<ParsedAdr> {
    const { dateOrder, logger } = this.options;
    const builtIn = () => parseAdr(file.path, file.text, { dateOrder });
    for (const parser of this.options.parsers) {
      let failure: string | undefined;
      try {
        if (!parser.canParse(file)) {
          continue;
        }
        const parsed = await parser.parse(file, { dateOrder });
        failure = whatCannotBeStored(parsed);
        if (!failure) {
          return parsed;
        }
      } catch (error) {
        failure = `it threw ${String(error)}`;
      }
      logger.warn(
        `Custom ADR parser '${parser.id}' failed on ${file.path}: ${failure}`,
      );
      const parsed = builtIn();
      return {
        ...parsed,
        warnings: [
          `the custom ADR parser '${parser.id}' failed on this file (${failure}), so the built-in parser read it`,
          ...parsed.warnings,
        ],
      };
    }
    return builtIn();
  }
}

/** Why a custom parser's result would break storing or showing the ADR, if it would. */
function whatCannotBeStored(parsed: ParsedAdr): string | undefined {
  if (typeof parsed !== 'object' || parsed === null) {
    return 'it returned no result';
  }
  if (typeof parsed.title !== 'string' || parsed.title.trim() === '') {
    return 'it returned no title';
  }
  if (
    parsed.status !== undefined &&
    !(ADR_STATUSES as readonly unknown[]).includes(parsed.status)
  ) {
    return `it returned the status '${String(
      parsed.status,
    )}', not one of ${ADR_STATUSES.join(', ')}`;
  }
  if (
    parsed.date !== undefined &&
    !(
      typeof parsed.date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(parsed.date) &&
      DateTime.fromISO(parsed.date).isValid
    )
  ) {
    return `it returned the date '${String(
      parsed.date,
    )}', not a YYYY-MM-DD date`;
  }
  if (
    parsed.number !== undefined &&
    !(Number.isSafeInteger(parsed.number) && parsed.number >= 0)
  ) {
    return `it returned the number '${String(
      parsed.number,
    )}', not a whole number`;
  }
  if (!ADR_FORMATS.includes(parsed.format)) {
    return `it returned the format '${String(
      parsed.format,
    )}', not one of ${ADR_FORMATS.join(', ')}`;
  }
  if (!isStringList(parsed.deciders)) {
    return 'it returned deciders that are not a list of names';
  }
  if (!isStringList(parsed.warnings)) {
    return 'it returned warnings that are not a list of sentences';
  }
  if (
    !Array.isArray(parsed.links) ||
    !parsed.links.every(isLink) ||
    (parsed.supersededBy !== undefined && !isLink(parsed.supersededBy))
  ) {
    return 'it returned a link without a relation and a target';
  }
  if (typeof parsed.body !== 'string') {
    return 'it returned no body';
  }
  return undefined;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string');
}

function isLink(link: unknown): boolean {
  const { relation, target, number } = (link ?? {}) as Record<string, unknown>;
  return (
    typeof relation === 'string' &&
    typeof target === 'string' &&
    (number === undefined || Number.isSafeInteger(number))
  );
}
