// A page in Debian's chromium (playwright-core) whose requests Playwright's routeFromHAR answers
// from a HAR, opened on `origin` (served here, so the page's fetches are same-origin: HAR answers
// carry no CORS headers). For the replayers that child processes run (plain node, no tsx).
import { chromium } from 'playwright-core';

/** Runs `use(page)` on such a page and returns its result; the browser is closed after. */
export async function withHarPage(har, origin, use) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.routeFromHAR(har, { notFound: 'abort' });
    // Registered last, so tried first.
    await page.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>replay</title>' }));
    await page.goto(`${origin}/`);
    return await use(page);
  } finally {
    await browser.close();
  }
}
