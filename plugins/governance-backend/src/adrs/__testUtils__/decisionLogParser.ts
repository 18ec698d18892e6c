import { GovernanceAdrParser } from '@catalog-governance/backstage-plugin-governance-node';

/**
 * A custom ADR parser for an organisation's own format that the built-in parser cannot read:
 *
 * ```
 * DECISION 12: Use Kafka for events
 * State: approved
 * On: 2026-03-01
 * ```
 */
export const decisionLogParser: GovernanceAdrParser = {
  id: 'decision-log',
  canParse: ({ text }) => text.startsWith('DECISION '),
  parse: ({ text }) => {
    const field = (name: string) =>
      new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1];
    const heading = /^DECISION (\d+): (.*)$/m.exec(text);
    if (!heading) {
      throw new Error('no DECISION line');
    }
    return {
      number: Number(heading[1]),
      title: heading[2],
      ...(field('State') === 'approved' && { status: 'accepted' }),
      statusText: field('State'),
      date: field('On'),
      deciders: field('By')?.split(', ') ?? [],
      links: [],
      format: 'unknown',
      warnings: [],
      body: text,
    };
  },
};
