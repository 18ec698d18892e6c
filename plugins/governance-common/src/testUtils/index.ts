/**
 * Test helpers of the governance plugins' common library: fixtures that the tests of every
 * governance package build alike.
 *
 * @packageDocumentation
 */

export { checkResult } from './checkResult';
