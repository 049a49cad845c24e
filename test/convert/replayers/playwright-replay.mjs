// Replays a converted HAR with Playwright's routeFromHAR in Debian's chromium (playwright-core):
// a page on the cassette's origin fetches the given request bodies in order, then a URL the HAR does
// not hold (notFound: 'abort'). Prints JSON. argv: file.har url; stdin: JSON list of request bodies.
import { withHarPage } from '../../helpers/har-page.mjs';

const [har, url] = process.argv.slice(2);
const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (c) => (text += c)).on('end', () => resolve(text));
}));
const result = await withHarPage(har, new URL(url).origin, (page) =>
  page.evaluate(async ({ url, input }) => {
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
  }, { url, input }),
);
console.log(JSON.stringify(result));
