import { readAhead } from './readAhead';

describe('readAhead', () => {
  it('asks for the next page while the caller works on the current one', async () => {
    const asked: number[] = [];
    async function* pages() {
      for (let page = 1; page <= 3; page++) {
        asked.push(page);
        yield page;
      }
    }
    const seen: Array<[number, number[]]> = [];
    for await (const page of readAhead(pages())) {
      // Let the generator run up to its next yield, as a catalog answer would arrive.
      await new Promise(resolve => setImmediate(resolve));
      seen.push([page, [...asked]]);
    }
    expect(seen).toEqual([
      [1, [1, 2]],
      [2, [1, 2, 3]],
      [3, [1, 2, 3]],
    ]);
  });

  it('surfaces a failed read when its page is asked for', async () => {
    async function* pages() {
      yield 1;
      throw new Error('catalog unavailable');
    }
    const seen: number[] = [];
    await expect(async () => {
      for await (const page of readAhead(pages())) {
        seen.push(page);
      }
    }).rejects.toThrow('catalog unavailable');
    expect(seen).toEqual([1]);
  });
});
