/**
 * Extension points of the governance backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './councilPolicy';
