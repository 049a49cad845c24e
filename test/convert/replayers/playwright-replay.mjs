// Replays a converted HAR with Playwright's routeFromHAR in Debian's chromium (playwright-core):
// a page on the cassette's origin fetches the given request bodies in order, then a URL the HAR does
// not hold (notFound: 'abort'). Prints JSON. argv: file.har url; stdin: JSON list of request bodies.
import { chromium } from 'playwright-core';

const [har, url] = process.argv.slice(2);
const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (c) => (text += c)).on('end', () => resolve(text));
}));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.routeFromHAR(har, { notFound: 'abort' });
  // A same-origin page for the fetches (the HAR's answers carry no CORS headers); registered last, so tried first.
  const origin = new URL(url).origin;
  await page.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>replay</title>' }));
  await page.goto(`${origin}/`);
  const result = await page.evaluate(async ({ url, input }) => {
    const toBase64 = (buffer) => {
      let binary = '';
      for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
      return btoa(binary);
    };
    const bodies = [];
    for (const body of input) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      bodies.push(toBase64(await res.arrayBuffer()));
    }
    let refused = false;
    try {
      await fetch(new URL('/v1/models', url).href);
    } catch {
      refused = true;
    }
    return { bodies, refused };
  }, { url, input });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
