import { canonical } from './canonical';

const text = (value: unknown) => JSON.stringify(canonical(value));

describe('canonical', () => {
  it('gives equal text for equal values built in another order', () => {
    expect(
      text({
        b: 1,
        a: { d: [1, 2], c: new Set(['y', 'x']) },
        skipped: undefined,
      }),
    ).toBe(text({ a: { c: new Set(['x', 'y']), d: [1, 2] }, b: 1 }));
    expect(
      text(
        new Map([
          ['payments', 1],
          ['billing', 2],
        ]),
      ),
    ).toBe(
      text(
        new Map([
          ['billing', 2],
          ['payments', 1],
        ]),
      ),
    );
  });

  it('keeps the order of arrays, which is part of the value', () => {
    expect(text([1, 2])).not.toBe(text([2, 1]));
  });
});
