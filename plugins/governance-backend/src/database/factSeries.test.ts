import { parseSeries, seriesColumns, setDay, SeriesPoint } from './factSeries';

describe('fact series', () => {
  it('stores each day as the days since the one before, and reads the days back', () => {
    const points: SeriesPoint[] = [
      [20600, 95],
      [20633, 50],
      [20634, ['unit', 'e2e']],
    ];
    const columns = seriesColumns(points);
    expect(columns).toEqual({
      history: '[[20600,95],[33,50],[1,["unit","e2e"]]]',
      history_from_day: 20600,
    });
    expect(parseSeries(columns.history)).toEqual(points);
    expect(seriesColumns([])).toEqual({
      history: null,
      history_from_day: null,
    });
  });

  it("puts a day in order and replaces a day's value", () => {
    const points: SeriesPoint[] = [
      [10, 1],
      [20, 2],
    ];
    setDay(points, 15, 3);
    setDay(points, 20, 4);
    setDay(points, 5, 5);
    expect(points).toEqual([
      [5, 5],
      [10, 1],
      [15, 3],
      [20, 4],
    ]);
  });
});
