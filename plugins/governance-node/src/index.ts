/**
 * Extension points of the governance backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
