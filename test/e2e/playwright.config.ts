import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { browserSuiteConfig } from '../chromium';
import fs from 'node:fs';

const repoRoot = path.resolve(__dirname, '../..');

// Playwright evaluates this file in the runner and again in each worker; the run folder is made
// once, in the runner, and workers find it through the environment they inherit.
if (!process.env.GOVERNANCE_E2E_RUN_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'governance-e2e-'));
  process.env.GOVERNANCE_E2E_RUN_DIR = dir;
  // Chromium writes its config and caches under XDG dirs; keep them out of the home folder.
  process.env.XDG_CONFIG_HOME ??= path.join(dir, 'xdg-config');
  process.env.XDG_CACHE_HOME ??= path.join(dir, 'xdg-cache');
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(path.join(dir, 'catalog'));
  // The watched folder for people's own files, as catalog/local/ in app-config.yaml.
  fs.mkdirSync(path.join(dir, 'catalog/local'));
  // An entity the tests turn malformed after it was ingested; it must keep its last good version.
  fs.copyFileSync(
    path.join(__dirname, 'fixtures/evolving-service.yaml'),
    path.join(dir, 'catalog/evolving-service.yaml'),
  );
  // The council group, whose members the review test changes.
  fs.copyFileSync(
    path.join(__dirname, 'fixtures/council.yaml'),
    path.join(dir, 'catalog/council.yaml'),
  );
}
const runDir = process.env.GOVERNANCE_E2E_RUN_DIR;
const examples = path.join(repoRoot, 'examples/governance');

/**
 * End-to-end tests against the real app in Debian's Chromium: the production build of the
 * frontend, served by the backend on :7007 (scripts/e2e-app.sh). `npx playwright install` cannot
 * work on these machines, so the browser is the system one.
 */
export default defineConfig({
  ...browserSuiteConfig({
    dir: __dirname,
    name: 'e2e',
    timeout: 120_000,
    baseURL: 'http://localhost:7007',
  }),
  webServer: [
    {
      command: 'bash scripts/e2e-app.sh',
      cwd: repoRoot,
      url: 'http://localhost:7007',
      // Never by default: a server already on :7007 may be one an interrupted run left behind,
      // of another checkout or older code, watching another run's folder. Playwright then stops
      // with "http://localhost:7007 is already used" instead of testing the wrong app.
      reuseExistingServer:
        !process.env.CI && process.env.GOVERNANCE_E2E_REUSE_SERVER === '1',
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        // The backend serves the frontend, so the app's own URL is the backend's.
        APP_CONFIG_app_baseUrl: 'http://localhost:7007',
        // Each run starts from an empty database.
        APP_CONFIG_backend_database_connection_directory: path.join(
          runDir,
          'data',
        ),
        // Re-read catalog files every few seconds, so a changed file shows up within a test.
        APP_CONFIG_catalog_processingInterval: JSON.stringify({ seconds: 5 }),
        APP_CONFIG_catalog_locations: JSON.stringify([
          {
            type: 'file',
            target: path.join(examples, 'org.yaml'),
            rules: [{ allow: ['User', 'Group'] }],
          },
          { type: 'file', target: path.join(examples, 'entities.yaml') },
          { type: 'file', target: path.join(examples, 'misannotated.yaml') },
          // The record-adr template, which adrTemplate.spec.ts runs.
          {
            type: 'file',
            target: path.join(
              repoRoot,
              'examples/templates/record-adr/template.yaml',
            ),
            rules: [{ allow: ['Template'] }],
          },
          {
            type: 'file',
            target: path.join(runDir, 'catalog/evolving-service.yaml'),
          },
          {
            type: 'file',
            target: path.join(runDir, 'catalog/council.yaml'),
            rules: [{ allow: ['Group'] }],
          },
          // A glob, read again on every refresh: files dropped in later are found.
          { type: 'file', target: path.join(runDir, 'catalog/local/*.yaml') },
        ]),
        // The tier sync and the annotation scan every few seconds, so a changed file is listed
        // on the Catalog annotations tab within a test.
        APP_CONFIG_governance_tierSync_frequency: 'PT5S',
        // The guest starts outside the council; the review test makes it a member.
        APP_CONFIG_governance_council_group: 'group:default/e2e-council',
        // Escalations within seconds: a failing check escalates at once, triggers run often.
        // Durations as ISO strings: an object would merge with app-config.yaml's units.
        APP_CONFIG_governance_reviews_triggers: JSON.stringify({
          initialDelay: 'PT5S',
          frequency: 'PT5S',
          failingCheck: { gracePeriod: 'PT0S' },
        }),
      },
    },
  ],
});
