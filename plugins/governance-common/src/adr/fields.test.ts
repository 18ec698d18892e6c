import { parseAdr } from './parseAdr';

describe('fields under the title', () => {
  it('splits deciders on commas and "and", dropping template placeholders', () => {
    const adr = parseAdr(
      '0001-x.md',
      '---\nstatus: accepted\ndeciders: [Alice and Bob, "Carol, Dan", "{list everyone involved}"]\n---\n# X\n',
    );
    expect(adr.deciders).toEqual(['Alice', 'Bob', 'Carol', 'Dan']);
  });
});
