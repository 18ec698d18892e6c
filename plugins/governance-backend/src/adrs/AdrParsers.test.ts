import { mockServices } from '@backstage/backend-test-utils';
import {
  parseAdr,
  ParsedAdr,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceAdrParser } from '@catalog-governance/backstage-plugin-governance-node';
import { AdrParsers } from './AdrParsers';
import { decisionLogParser } from './__testUtils__/decisionLogParser';

const decisionLog = {
  path: 'decisions/0012-kafka.md',
  text: 'DECISION 12: Use Kafka for events\nState: approved\nOn: 2026-03-01\nBy: Li Wei, Priya Nair\n',
};
const madr = {
  path: 'decisions/0003-postgres.md',
  text: '# 3. Use PostgreSQL\n\n* Status: proposed\n* Date: 05/02/2026\n',
};

function parsers(...added: GovernanceAdrParser[]) {
  const logger = mockServices.logger.mock();
  return {
    logger,
    adrParsers: new AdrParsers({
      parsers: added,
      dateOrder: 'month-first',
      logger,
    }),
  };
}

describe('AdrParsers', () => {
  it('reads a file with the first custom parser that claims it', async () => {
    const second = { ...decisionLogParser, id: 'second', parse: jest.fn() };
    const { adrParsers } = parsers(decisionLogParser, second);
    expect(await adrParsers.parse(decisionLog)).toMatchObject({
      number: 12,
      title: 'Use Kafka for events',
      status: 'accepted',
      statusText: 'approved',
      date: '2026-03-01',
      deciders: ['Li Wei', 'Priya Nair'],
    });
    expect(second.parse).not.toHaveBeenCalled();
  });

  it('reads the files no custom parser claims with the built-in parser, in the configured date order', async () => {
    const { adrParsers } = parsers(decisionLogParser);
    const parsed = await adrParsers.parse(madr);
    expect(parsed).toEqual(
      parseAdr(madr.path, madr.text, { dateOrder: 'month-first' }),
    );
    expect(parsed).toMatchObject({ status: 'proposed', date: '2026-05-02' });
  });

  it('hands the configured date order to a custom parser', async () => {
    const parse = jest.fn((file: { path: string; text: string }) =>
      parseAdr(file.path, file.text),
    );
    const { adrParsers } = parsers({ id: 'all', canParse: () => true, parse });
    await adrParsers.parse(madr);
    expect(parse).toHaveBeenCalledWith(madr, { dateOrder: 'month-first' });
  });

  it.each<[string, Partial<GovernanceAdrParser>, RegExp]>([
    [
      'throws while parsing',
      {
        parse: () => {
          throw new Error('boom');
        },
      },
      /it threw Error: boom/,
    ],
    [
      'throws while deciding',
      {
        canParse: () => {
          throw new TypeError('no text');
        },
      },
      /it threw TypeError: no text/,
    ],
    [
      'rejects',
      { parse: () => Promise.reject(new Error('offline')) },
      /it threw Error: offline/,
    ],
    [
      'returns no title',
      { parse: () => ({ ...parseAdr(madr.path, madr.text), title: ' ' }) },
      /it returned no title/,
    ],
    [
      'returns a status outside the vocabulary',
      {
        parse: () =>
          ({
            ...parseAdr(madr.path, madr.text),
            status: 'approved',
          } as unknown as ParsedAdr),
      },
      /it returned the status 'approved', not one of proposed, accepted, rejected, deprecated, superseded/,
    ],
    [
      'returns a date that is not a day',
      {
        parse: () => ({
          ...parseAdr(madr.path, madr.text),
          date: '2026-02-30',
        }),
      },
      /it returned the date '2026-02-30', not a YYYY-MM-DD date/,
    ],
    [
      'returns a link without a target',
      {
        parse: () =>
          ({
            ...parseAdr(madr.path, madr.text),
            links: [{ relation: 'amends' }],
          } as unknown as ParsedAdr),
      },
      /it returned a link without a relation and a target/,
    ],
    [
      'returns nothing',
      { parse: () => undefined as unknown as ParsedAdr },
      /it returned no result/,
    ],
  ])(
    'leaves a file to the built-in parser with a warning naming the parser when it %s',
    async (_, behaviour, failure) => {
      const { adrParsers, logger } = parsers({
        id: 'flaky',
        canParse: () => true,
        parse: () => parseAdr(madr.path, madr.text),
        ...behaviour,
      });
      const parsed = await adrParsers.parse(madr);
      expect(parsed).toMatchObject({ title: 'Use PostgreSQL', number: 3 });
      expect(parsed.warnings[0]).toMatch(
        /^the custom ADR parser 'flaky' failed on this file \(.*\), so the built-in parser read it$/,
      );
      expect(parsed.warnings[0]).toMatch(failure);
      expect(parsed.warnings.slice(1)).toEqual(
        parseAdr(madr.path, madr.text, { dateOrder: 'month-first' }).warnings,
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Custom ADR parser 'flaky' failed on decisions\/0003-postgres\.md: /,
        ),
      );
    },
  );

  it('refuses two parsers with the same id, so start-up fails', () => {
    expect(() => parsers(decisionLogParser, decisionLogParser)).toThrow(
      "Custom ADR parser 'decision-log' reuses the id of another ADR parser; give it a unique id",
    );
  });
});
