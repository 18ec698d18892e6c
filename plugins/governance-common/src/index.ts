/**
 * Isomorphic types, annotation parsing, tier policy and decision-scope rules shared by the
 * governance plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './parseAnnotations';
export * from './tierPolicy';
export * from './levels';
export * from './decisionScope';
export * from './summary';
export * from './facts';
export * from './input';
export * from './scorecard';
export * from './permissions';
export * from './waivers';
export * from './compliance';
export * from './adrs';
export * from './adr/parseAdr';
export * from './reviews';
export * from './tradeOffs';
export * from './schema';
export * from './search';
export * from './dependencyTiers';
export * from './deliveryFacts';
export * from './impact';
export * from './standards';
export * from './stack';
export * from './stackRadar';
