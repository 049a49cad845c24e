// The one escape function and the `html` template tag: what reaches the page is text, wherever it lands.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, flag, html, join, trusted } from '../../src/present/html/escape.ts';

test('escapeHtml: in attributes & < > " \' ` become entities; in text only & < >', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  assert.equal(escapeHtml(`<a href="x">&'</a>`, 'text'), `&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
  assert.equal(escapeHtml('plain text, ünïcödé 😀'), 'plain text, ünïcödé 😀');
});

test('escapeHtml: control characters and lone surrogates become U+FFFD; tab, newline and CR stay', () => {
  assert.equal(escapeHtml('a\u0000b\u0007c\u001fd\u007fe', 'text'), 'a\ufffdb\ufffdc\ufffdd\ufffde');
  assert.equal(escapeHtml('t\tn\nr\r', 'text'), 't\tn\nr\r');
  assert.equal(escapeHtml('x\ud800y\udc00z', 'text'), 'x\ufffdy\ufffdz');
  assert.equal(escapeHtml('\ud83d\ude00', 'text'), '😀');
});

test('html: values in text are escaped, in a quoted attribute value quotes too', () => {
  const hostile = `"><script>alert(1)</script><img src=x onerror="alert(2)">`;
  assert.equal(
    html`<div title="${hostile}">${hostile}</div>`.value,
    '<div title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;">"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;</div>',
  );
});

test('html: markup nests as is in text, and is escaped when put into an attribute value', () => {
  const inner = html`<b>${'<i>'}</b>`;
  assert.equal(html`<p>${inner}</p>`.value, '<p><b>&lt;i&gt;</b></p>');
  assert.equal(html`<p title="${inner}"></p>`.value, '<p title="&lt;b&gt;&amp;lt;i&amp;gt;&lt;/b&gt;"></p>');
});

test('html: arrays are joined, null / undefined / false are empty, numbers are text', () => {
  assert.equal(html`<ul>${['<a>', html`<li>x</li>`, null, undefined, false, 3]}</ul>`.value, '<ul>&lt;a&gt;<li>x</li>3</ul>');
  assert.equal(join([html`<i>a</i>`, 'b&', ''], ', ').value, '<i>a</i>, b&amp;');
});

test('html: inside a tag only flag(…) may go; any other value there throws (it could add attributes)', () => {
  assert.equal(html`<details${flag('open', true)}>`.value, '<details open>');
  assert.equal(html`<details${flag('open', false)}>`.value, '<details>');
  assert.throws(() => html`<details ${'onclick=alert(1)'}>`, /only flag/);
  assert.throws(() => html`<div class=${'x onmouseover=alert(1)'}>`, /only flag/);
  assert.throws(() => html`<p>${flag('open', true)}</p>`, /belongs inside a tag/);
  // After the tag closes we are back in text.
  assert.equal(html`<p class="a">${'"'}</p>`.value, '<p class="a">"</p>');
});

test('trusted: our own constants pass unchanged', () => {
  assert.equal(html`<style>${trusted('a>b{}')}</style>`.value, '<style>a>b{}</style>');
});
