import type { PlaywrightTestConfig } from '@playwright/test';
import path from 'node:path';

/**
 * How the browser tests start Chromium: Debian's, since `npx playwright install` cannot download
 * a browser on these machines, with the flags that keep it from reaching for the network at start.
 */
export const chromiumLaunchOptions = {
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
};

/**
 * What the browser suites share: one worker, one retry (it absorbs a slow machine; a test that
 * needs it is reported as flaky), the Chromium above, and screenshots and traces of failures
 * under test-results/<name>.
 */
export function browserSuiteConfig(options: {
  dir: string;
  name: string;
  timeout: number;
  baseURL: string;
}): PlaywrightTestConfig {
  return {
    testDir: options.dir,
    outputDir: path.resolve(__dirname, '../test-results', options.name),
    timeout: options.timeout,
    expect: { timeout: 30_000 },
    forbidOnly: true,
    retries: 1,
    workers: 1,
    reporter: [['list']],
    use: {
      baseURL: options.baseURL,
      screenshot: 'only-on-failure',
      trace: 'retain-on-failure',
      launchOptions: chromiumLaunchOptions,
    },
    projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  };
}
