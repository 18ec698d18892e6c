import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions } from '../chromium';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * The install check's browser test. `scripts/verify-install.sh` starts the app made by
 * create-app, with our packages installed from their tarballs, before running this; the test
 * only drives it.
 */
export default defineConfig({
  testDir: __dirname,
  outputDir: path.join(repoRoot, 'test-results/install'),
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 1,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.INSTALL_CHECK_APP_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
