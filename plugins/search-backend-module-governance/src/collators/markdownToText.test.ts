import { markdownToText } from './markdownToText';

describe('markdownToText', () => {
  it('keeps the words of headings, lists, links and code, without their markup', () => {
    expect(
      markdownToText(
        [
          '# Use PostgreSQL for the ledger',
          '',
          '* Status: **accepted**',
          '* Date: 2025-01-15',
          '',
          'Chosen option: `PostgreSQL`, see [ADR-0002](0002-partition.md).',
          '',
          '| Option | Cost |',
          '| --- | --- |',
          '| Kafka | high |',
        ].join('\n'),
      ),
    ).toBe(
      'Use PostgreSQL for the ledger Status: accepted Date: 2025-01-15 Chosen option: PostgreSQL, see ADR-0002. Option Cost Kafka high',
    );
  });

  it('gives nothing for an empty document', () => {
    expect(markdownToText('')).toBe('');
  });
});
