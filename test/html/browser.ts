// Debian's chromium driven by playwright-core, for the HTML report tests. Playwright's own browser
// download cannot work here, so the system browser is launched by path; without it tests skip.

import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** For `test(name, { skip: SKIP_WITHOUT_CHROMIUM }, …)`: a message, or false when chromium is there. */
export const SKIP_WITHOUT_CHROMIUM: string | false = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (apt-get install -y chromium); the browser tests cannot run`;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Where the screenshots go; the tests print it. */
export const SCREENSHOTS = join(tmpdir(), 'cassette-html-screenshots');

export function screenshotDir(): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}

export interface LoadedPage {
  page: Page;
  /** Every request the page made (the file itself is the first). */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Dialogs (alert, confirm, prompt) that opened. */
  dialogs: string[];
  /** Milliseconds from navigation to the load event. */
  loadMs: number;
}

/** Opens a report file and records what it requests, logs as errors, and opens as dialogs. */
export async function openReport(browser: Browser, file: string, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<LoadedPage> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1200, height: 900 } });
  const page = await context.newPage();
  const loaded: LoadedPage = { page, requests: [], errors: [], dialogs: [], loadMs: 0 };
  page.on('request', (request) => loaded.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') loaded.errors.push(message.text());
  });
  page.on('pageerror', (error) => loaded.errors.push(String(error)));
  page.on('dialog', (dialog) => {
    loaded.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const start = Date.now();
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  loaded.loadMs = Date.now() - start;
  return loaded;
}
