import { defineConfig } from '@playwright/test';
import path from 'node:path';

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
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
