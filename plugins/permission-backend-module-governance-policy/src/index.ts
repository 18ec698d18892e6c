/**
 * Permission policy module that gives the architecture council its governance permissions.
 *
 * @packageDocumentation
 */

export { governancePermissionPolicy as default } from './module';
