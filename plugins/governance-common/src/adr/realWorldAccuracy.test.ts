import { ParsedAdr } from '../adrs';
import {
  parseRealWorld,
  RealWorldExpectation,
  realWorldExpectations,
} from './__testUtils__/realWorld';

/** Issue 17: what council members judge the ADR feature by. */
const REQUIRED_ACCURACY = 0.97;

const FIELDS: Record<
  string,
  (adr: ParsedAdr | RealWorldExpectation) => string | undefined
> = {
  title: adr => adr.title,
  status: adr => adr.status,
  date: adr => adr.date,
  deciders: adr => (adr.deciders ?? []).join(', '),
  'superseded-by': adr =>
    typeof adr.supersededBy === 'object'
      ? adr.supersededBy.target
      : adr.supersededBy,
};

describe('accuracy on the real-world ADRs', () => {
  const readings = realWorldExpectations.map(([file, expected]) => ({
    file,
    expected,
    parsed: parseRealWorld(file),
  }));

  it('reads every file without falling back to its file name', () => {
    const crashed = readings.filter(({ parsed }) =>
      parsed.warnings.some(w => w.includes('could not be read as an ADR')),
    );
    expect(crashed.map(({ file }) => file)).toEqual([]);
  });

  it(`reads each field right in at least ${
    REQUIRED_ACCURACY * 100
  }% of the files`, () => {
    const report = Object.entries(FIELDS).map(([field, read]) => {
      const misses = readings.filter(
        ({ expected, parsed }) => read(parsed) !== read(expected),
      );
      return {
        field,
        accuracy: (readings.length - misses.length) / readings.length,
        misses: misses.map(
          ({ file, expected, parsed }) =>
            `${file}: expected ${read(expected)}, read ${read(parsed)}`,
        ),
      };
    });
    const lines = [
      `${readings.length} real-world ADR files`,
      ...report.map(
        ({ field, accuracy, misses }) =>
          `${field.padEnd(14)} ${(accuracy * 100).toFixed(1)}%${misses
            .map(miss => `\n    ${miss}`)
            .join('')}`,
      ),
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    expect(
      report
        .filter(({ accuracy }) => accuracy < REQUIRED_ACCURACY)
        .map(({ field }) => field),
    ).toEqual([]);
  });
});
