/*
 * One replica of the governance backend for the reliability tests and `yarn replicas`: the
 * governance suite with the real catalog, auth (guest) and permission plugins, and nothing
 * else of the example app, so a replica starts in seconds. Its port and database come from
 * the config files the harness passes with --config.
 */
import { createBackend } from '@backstage/backend-defaults';
import { governanceLocalDirectoryUrlReader } from '@catalog-governance/backstage-plugin-governance-backend';
import governancePermissionPolicy from '@catalog-governance/backstage-plugin-permission-backend-module-governance-policy';
import { governanceErrorBudgetCheck } from '../modules/governanceErrorBudgetCheck';
import { governanceDocsFactProvider } from '../modules/governanceDocsFactProvider';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(governancePermissionPolicy);
backend.add(
  import(
    '@catalog-governance/backstage-plugin-catalog-backend-module-governance'
  ),
);
backend.add(import('@catalog-governance/backstage-plugin-governance-backend'));
backend.add(governanceLocalDirectoryUrlReader);
// app-config.yaml's standards name the example app's own checks; without them start-up fails.
backend.add(governanceErrorBudgetCheck);
backend.add(governanceDocsFactProvider);
backend.start();
