// The HTML report and diff page in a real browser: Debian's chromium through playwright-core.
// Loads with no console errors and no request but the file itself; the conversation, tool calls
// and usage are visible; search, filter, expand-all and keys work; hostile content runs nothing;
// the page works with JavaScript off; the diff page shows the changed argument. Screenshots go to
// a folder printed below. Without chromium every test here skips, saying why.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { corpusFile, HAS_CORPUS, sample } from '../helpers/paths.ts';
import { launchChromium, openReport, screenshotDir, SKIP_WITHOUT_CHROMIUM, type LoadedPage } from './browser.ts';

const SKIP = SKIP_WITHOUT_CHROMIUM || (HAS_CORPUS ? false : `no corpus at ${corpusFile()}`);
const SEED = corpusFile('seed/groq-kimi-k2-multi_tool_streaming.yaml');
const FANTASY_TOOL = (folder: string) => corpusFile(folder, 'TestAnthropicCommon/claude-sonnet-4/tool.yaml');
const PYDANTIC_AI = corpusFile('pydantic-ai/models/anthropic/cassettes/test_unpaired_native_tool_calls/test_in_flight_mcp_call_history_is_accepted.yaml');
const RUBY_OPENAI = corpusFile('ruby-openai/cassettes/gpt-3_5-turbo_chat.yml');
const HAR = sample('har-openai-chat-stream.har');

let browser: Browser;
let dir: string;

before(async () => {
  if (SKIP_WITHOUT_CHROMIUM) return;
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'cassette-html-test-'));
  process.stderr.write(`HTML report screenshots: ${screenshotDir()}\n`);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function write(name: string, argv: string[], code = 0): Promise<string> {
  const file = join(dir, name);
  const result = await runCli([...argv, '-o', file]);
  assert.equal(result.code, code, result.stderr);
  return file;
}

/** Loaded cleanly: nothing requested but the file, nothing logged as an error, no dialog. */
function assertClean(loaded: LoadedPage, file: string): void {
  assert.deepEqual(loaded.requests, [`file://${file}`]);
  assert.deepEqual(loaded.errors, []);
  assert.deepEqual(loaded.dialogs, []);
}

const visibleCount = (loaded: LoadedPage, selector: string) => loaded.page.locator(`${selector}:visible`).count();

/**
 * The rendered text of an element in a section just scrolled to: sections off screen are not
 * rendered (content-visibility: auto) and Chromium renders them a frame or more after the scroll,
 * so innerText is polled until it is not empty (5 s at most).
 */
async function renderedText(locator: Locator): Promise<string> {
  await locator.scrollIntoViewIfNeeded();
  for (let tries = 0; ; tries++) {
    const text = await locator.innerText();
    if (text !== '' || tries >= 50) return text;
    await new Promise((done) => setTimeout(done, 100));
  }
}

test('seed: loads clean; tool calls, usage and text visible; screenshot', { skip: SKIP }, async (t) => {
  const file = await write('seed.html', ['export', '--format', 'html', SEED]);
  const loaded = await openReport(browser, file);
  assertClean(loaded, file);
  const { page } = loaded;
  assert.equal(await page.locator('details.call summary', { hasText: 'tool call add' }).isVisible(), true);
  assert.equal(await page.locator('details.call summary', { hasText: 'tool call multiply' }).isVisible(), true);
  assert.equal(await page.locator('details.call .json').first().innerText(), '{"a":2,"b":3}');
  assert.equal(await page.getByTitle('tokens').allInnerTexts().then((texts) => texts.join(' | ')), '207 in / 55 out | 289 in / 29 out');
  assert.equal(await page.getByText('Multiplication: 2 × 3 = 6').isVisible(), true);
  assert.equal(await page.locator('#count').innerText(), '2 interactions');
  // The stream's events are collapsed, one per line, and open on a click.
  const events = page.locator('details.raw', { hasText: 'stream events' }).first();
  assert.equal(await events.locator('pre').isVisible(), false);
  await events.locator('summary').click();
  assert.equal(await events.locator('pre').isVisible(), true);
  assert.equal((await events.locator('pre').first().innerText()).split('\n')[0], '20 SSE events');
  const shot = join(screenshotDir(), 'report-seed.png');
  await page.screenshot({ path: shot, fullPage: true });
  t.diagnostic(`screenshot: ${shot}`);
  await page.context().close();
});

test('several corpus cassettes (go-vcr, vcrpy, Ruby VCR, HAR): overview, search, filter, expand-all, keys', { skip: SKIP }, async (t) => {
  const file = await write('several.html', ['export', '--format', 'html', SEED, FANTASY_TOOL('fantasy'), PYDANTIC_AI, RUBY_OPENAI, HAR]);
  const loaded = await openReport(browser, file);
  assertClean(loaded, file);
  const { page } = loaded;
  assert.equal(await visibleCount(loaded, '#overview tbody tr'), 5);
  assert.equal(await visibleCount(loaded, 'section.cassette'), 5);
  assert.equal(await page.locator('#count').innerText(), '8 interactions');
  const shot = join(screenshotDir(), 'report-several.png');
  await page.screenshot({ path: shot });
  t.diagnostic(`screenshot: ${shot}`);
  // What each format's cassette says is on the page.
  assert.equal(await page.locator('#c2 details.call summary', { hasText: 'tool call weather' }).isVisible(), true);
  assert.equal(await renderedText(page.locator('#c3').getByTitle('tokens')), '3443 in / 169 out');
  assert.equal(await page.locator('#c3 .msg.response').getByText('2 + 2 = 4', { exact: false }).isVisible(), true);
  assert.equal(await renderedText(page.locator('#c4 .msg.response')), 'ASSISTANT · RESPONSE\nHi there! How can I assist you today?');
  assert.match(await renderedText(page.locator('#c5 details.call summary').first()), /^tool call get_weather id call_test0001$/);
  await page.locator('h1').scrollIntoViewIfNeeded();

  // Search: only the Ruby VCR cassette says "Hi there!".
  await page.locator('#q').fill('hi there!');
  await page.locator('#count', { hasText: /^1 of 8 interactions$/ }).waitFor(); // the search waits 120 ms for more typing
  assert.deepEqual(await page.locator('section.cassette:visible').evaluateAll((els) => els.map((e) => e.getAttribute('id'))), ['c4']);
  assert.equal(await visibleCount(loaded, '#overview tbody tr'), 1);
  await page.locator('#q').fill('');
  await page.locator('#count', { hasText: /^8 interactions$/ }).waitFor();
  // Filter: interactions whose answer calls a tool (seed #0, fantasy #0, HAR #0).
  await page.locator('#filter').selectOption('tools');
  assert.equal(await page.locator('#count').innerText(), '3 of 8 interactions');
  assert.deepEqual(await page.locator('section.cassette:visible').evaluateAll((els) => els.map((e) => e.getAttribute('id'))), ['c1', 'c2', 'c5']);
  await page.locator('#filter').selectOption('');
  // Collapse all, expand all.
  await page.locator('#collapse').click();
  assert.equal(await page.locator('details.interaction[open]').count(), 0);
  assert.equal(await page.getByText('Multiplication: 2 × 3 = 6').isVisible(), false);
  await page.locator('#expand').click();
  assert.equal(await page.locator('details.interaction[open]').count(), 8);
  // Keys: j moves to the next interaction, / focuses the search.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await page.locator('details.interaction.current').getAttribute('id'), 'c1-i1');
  await page.keyboard.press('k');
  assert.equal(await page.locator('details.interaction.current').getAttribute('id'), 'c1-i0');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate('document.activeElement?.id'), 'q');
  // Printing opens what is closed, and closes it again afterwards.
  await page.locator('#collapse').click();
  await page.evaluate(`dispatchEvent(new Event('beforeprint'))`);
  assert.equal(await page.locator('details.interaction[open]').count(), 8);
  await page.evaluate(`dispatchEvent(new Event('afterprint'))`);
  assert.equal(await page.locator('details.interaction[open]').count(), 0);
  await page.context().close();
});

test('hostile sample: <script>, onerror= and javascript: run nothing, with everything opened; shown as text', { skip: SKIP_WITHOUT_CHROMIUM }, async () => {
  const file = await write('hostile.html', ['export', '--format', 'html', sample('hostile-html.yaml')]);
  const loaded = await openReport(browser, file);
  assertClean(loaded, file);
  const { page } = loaded;
  // Open every <details>, hover and click what there is: still nothing runs.
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => (d.open = true))`);
  await page.locator('.msg.response .text').first().hover();
  await page.locator('.msg.response .text').first().click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate('window.__pwned'), undefined);
  assertClean(loaded, file);
  assert.equal(await page.locator('img, iframe, svg[onload], a[href^="javascript"]').count(), 0);
  assert.equal(await page.locator('script').count(), 1);
  assert.match(await page.locator('.msg.response .text').first().innerText(), /^<script>window\.__pwned = 'script'<\/script><img src=x onerror="window\.__pwned='img';alert\('img'\)">/);
  assert.equal(await page.locator('.msg.response details.more .text').getByText('END-OF-LONG-ANSWER', { exact: false }).isVisible(), true);
  // The page's own styles still apply (the recorded <style>body{display:none}</style> is text).
  assert.equal(await page.locator('body').isVisible(), true);
  await page.context().close();
});

test('JavaScript off: no toolbar, <details> still open and close; hostile content still inert', { skip: SKIP }, async () => {
  const file = await write('hostile-nojs.html', ['export', '--format', 'html', sample('hostile-html.yaml'), SEED]);
  const loaded = await openReport(browser, file, { javaScript: false });
  assertClean(loaded, file);
  const { page } = loaded;
  assert.equal(await page.locator('#toolbar').isVisible(), false);
  const body = page.locator('#c2 details.raw', { hasText: 'request body' }).first();
  assert.equal(await body.locator('pre').isVisible(), false);
  await body.locator('summary').click();
  assert.equal(await body.locator('pre').isVisible(), true);
  assert.match(await body.locator('pre').innerText(), /"model": "moonshotai\/kimi-k2-instruct-0905"/);
  await page.context().close();
});

test('dark and narrow: colours follow prefers-color-scheme; a 400 px window does not scroll sideways', { skip: SKIP }, async (t) => {
  const file = await write('dark.html', ['export', '--format', 'html', SEED, FANTASY_TOOL('fantasy')]);
  const dark = await openReport(browser, file, { colorScheme: 'dark' });
  assertClean(dark, file);
  assert.equal(await dark.page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(13, 17, 23)');
  const shot = join(screenshotDir(), 'report-dark.png');
  await dark.page.screenshot({ path: shot });
  t.diagnostic(`screenshot: ${shot}`);
  await dark.page.context().close();
  const light = await openReport(browser, file, { width: 400 });
  assert.equal(await light.page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)');
  assert.equal(await light.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), true);
  const narrow = join(screenshotDir(), 'report-narrow.png');
  await light.page.screenshot({ path: narrow });
  t.diagnostic(`screenshot: ${narrow}`);
  await light.page.context().close();
});

test('diff page: fantasy-2025-11 vs fantasy shows the changed tool argument, word marked; screenshot', { skip: SKIP }, async (t) => {
  const file = await write('diff.html', ['diff', '--format', 'html', FANTASY_TOOL('fantasy-2025-11'), FANTASY_TOOL('fantasy')], 1);
  const loaded = await openReport(browser, file);
  assertClean(loaded, file);
  const { page } = loaded;
  const path = page.locator('.diff-pair .path', { hasText: 'response.toolCalls[0].arguments.location' });
  assert.equal(await path.isVisible(), true);
  const old = path.locator('xpath=following-sibling::div[1]');
  const now = path.locator('xpath=following-sibling::div[2]');
  assert.equal(await old.innerText(), 'Florence, Italy');
  assert.equal(await old.locator('del').innerText(), ' ');
  assert.equal(await now.innerText(), 'Florence,Italy');
  // Removed words red on the old side, added green on the new.
  const text = page.locator('.diff-pair .path', { hasText: 'response.text' });
  const marked = async (side: number, tag: string) => (await text.locator(`xpath=following-sibling::div[${side}]`).locator(tag).allTextContents()).join('');
  assert.equal(await marked(1, 'del'), "'s very warm day in Florence");
  assert.equal(await marked(2, 'ins'), " would be good idea to stay hydrated and seek shade or air conditioning if you're planning to be outdoors");
  const shot = join(screenshotDir(), 'diff.png');
  await page.screenshot({ path: shot, fullPage: true });
  t.diagnostic(`screenshot: ${shot}`);
  await page.context().close();
});

test('diff page of two corpus directories: loads clean, the file table links to a changed file', { skip: SKIP }, async () => {
  const file = await write('diff-dirs.html', ['diff', '--format', 'html', corpusFile('fantasy-2025-11'), corpusFile('fantasy')], 1);
  const loaded = await openReport(browser, file);
  assertClean(loaded, file);
  const { page } = loaded;
  await page.locator('#overview a', { hasText: 'TestAnthropicCommon/claude-sonnet-4/tool.yaml' }).first().click();
  const id = await page.evaluate<string>('location.hash.slice(1)');
  assert.equal(await page.locator(`#${id} h2`).innerText(), 'TestAnthropicCommon/claude-sonnet-4/tool.yaml');
  await page.locator('#filter').selectOption('tools');
  assert.ok((await visibleCount(loaded, 'details.interaction')) > 0);
  await page.context().close();
});
