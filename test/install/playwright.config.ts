import { defineConfig } from '@playwright/test';
import { browserSuiteConfig } from '../chromium';

/**
 * The install check's browser test. `scripts/verify-install.sh` starts the app made by
 * create-app, with our packages installed from their tarballs, before running this; the test
 * only drives it.
 */
export default defineConfig(
  browserSuiteConfig({
    dir: __dirname,
    name: 'install',
    timeout: 180_000,
    baseURL: process.env.INSTALL_CHECK_APP_URL ?? 'http://localhost:3000',
  }),
);
