/**
 * The governance backend plugin: entity governance summaries and tier history.
 *
 * @packageDocumentation
 */

export { governancePlugin as default } from './plugin';
export { governanceLocalDirectoryUrlReader } from './adrs/LocalDirectoryUrlReader';
