/*
 * One replica of the governance backend for the reliability tests and `yarn replicas`: the
 * governance suite with the real catalog, auth (guest) and permission plugins, and nothing
 * else of the example app, so a replica starts in seconds. Its port and database come from
 * the config files the harness passes with --config.
 */
import { createBackend } from '@backstage/backend-defaults';
import governancePermissionPolicy from '@catalog-governance/backstage-plugin-permission-backend-module-governance-policy';
import { governanceSuite } from '../modules/governanceSuite';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(governancePermissionPolicy);
backend.add(governanceSuite);
backend.start();
