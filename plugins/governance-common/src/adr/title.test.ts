import { parseAdr } from './parseAdr';

describe('title and number', () => {
  it.each([
    ['use-kafka.md', '7. Use Kafka', 7, 'Use Kafka'],
    ['use-kafka.md', 'ADR-0007: Use Kafka', 7, 'Use Kafka'],
    ['use-kafka.md', 'ADR 7 - Use Kafka', 7, 'Use Kafka'],
    ['use-kafka.md', '0007 - Use Kafka', 7, 'Use Kafka'],
    ['three-tiers.md', '3-tier architecture', undefined, '3-tier architecture'],
    ['0012-use-kafka.md', 'ADR-0007: Use Kafka', 12, 'Use Kafka'],
    ['use-kafka.md', '**7. Use Kafka**', 7, 'Use Kafka'],
    [
      'use-kafka.md',
      '**Use** Kafka **now**',
      undefined,
      '**Use** Kafka **now**',
    ],
  ])(
    'numbers %s titled "%s" as %s, titled "%s"',
    (fileName, heading, number, title) => {
      const adr = parseAdr(fileName, `# ${heading}\n\n## Status\n\nAccepted`);
      expect(adr.number).toBe(number);
      expect(adr.title).toBe(title);
    },
  );
});
