import { parseGovernanceAnnotations } from './parseAnnotations';
import { declaredFacts, readFactDefinitions, validateFactValue } from './facts';
import { ConfigReader } from '@backstage/config';
import {
  normaliseTechnology,
  parseStackAnnotation,
  stackFromFacts,
} from './stack';

describe('governance/stack', () => {
  it('reads every category, normalising names', () => {
    expect(
      parseStackAnnotation(
        'languages: TypeScript, Go; frameworks: express; datastores: PostgreSQL; message-brokers: kafka',
      ),
    ).toEqual({
      languages: ['typescript', 'go'],
      frameworks: ['express'],
      datastores: ['postgresql'],
      messageBrokers: ['kafka'],
    });
    expect(parseStackAnnotation('languages: c#, c++, node.js')).toEqual({
      languages: ['c#', 'c++', 'node.js'],
    });
  });

  it('reads an annotation text seen before the same way, and a change to one entity does not reach another', () => {
    const text = 'languages: TypeScript; datastores: PostgreSQL';
    const first = parseStackAnnotation(text)!;
    first.languages!.push('go');
    delete first.datastores;
    expect(parseStackAnnotation(text)).toEqual({
      languages: ['typescript'],
      datastores: ['postgresql'],
    });
    expect(parseStackAnnotation('languages')).toBeUndefined();
    expect(parseStackAnnotation('languages')).toBeUndefined();
  });

  it.each([
    ['typescript', 'typescript'],
    ['c++', 'c++'],
    ['  TypeScript ', 'typescript'],
    ['Spring  Boot', 'spring-boot'],
    ['NODE.JS', 'node.js'],
    ['-leading-dash', undefined],
    ['postgresı', undefined],
    ['İstanbul', undefined],
    ['x'.repeat(64), undefined],
    ['', undefined],
  ])('names the technology %j as %j', (name, canonical) => {
    expect(normaliseTechnology(name)).toBe(canonical);
  });

  it('reports a malformed annotation as a problem naming the syntax', () => {
    for (const value of [
      'typescript',
      'tools: make',
      'languages: ',
      'languages: go; languages: rust',
      'languages: <script>',
    ]) {
      const parsed = parseGovernanceAnnotations(
        { 'governance/stack': value },
        { tierNames: [] },
      );
      expect(parsed.values.stack).toBeUndefined();
      expect(parsed.problems[0].message).toContain('message-brokers');
    }
  });

  it('declares the annotation as stack facts that CI measurements replace', () => {
    const { values } = parseGovernanceAnnotations(
      { 'governance/stack': 'languages: java; datastores: mongodb' },
      { tierNames: [] },
    );
    const declared = declaredFacts(values);
    expect(declared).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'stackLanguages', value: ['java'] }),
      ]),
    );
    expect(
      stackFromFacts([
        ...declared,
        { name: 'stackLanguages', value: ['Kotlin'], origin: 'measured' },
      ]),
    ).toEqual({ languages: ['kotlin'], datastores: ['mongodb'] });
  });

  it('accepts pushed stack facts as string lists', () => {
    const definitions = readFactDefinitions(new ConfigReader({}));
    const def = definitions.get('stackFrameworks')!;
    expect(validateFactValue(def, ['react', 'express'])).toEqual({
      ok: true,
      value: ['react', 'express'],
    });
    expect(validateFactValue(def, 'react').ok).toBe(false);
  });
});
