// `cassette diff --format html`: the semantic diff (src/diff) as one page. Per compared file its
// changed, added and removed interactions; each change a row — path, old value, new value side by
// side, changed tool arguments and text marked word by word. Directories get an overview first.

import type { Change, FileDiffJson, InteractionDiff } from '../../diff/types.ts';
import { plural } from '../format.ts';
import { longText } from './blocks.ts';
import { html, type SafeHtml } from './escape.ts';
import { page, type FilterOption } from './layout.ts';
import { valueText, wordDiffSides, type Sides } from './word-diff.ts';

export interface DiffPageOptions {
  generator: string;
  /** "old → new", as given. */
  title: string;
}

/** Changes listed per interaction before the rest go behind "… N more changes". */
const SHOWN_CHANGES = 60;

const FILTERS: FilterOption[] = [
  { value: '', label: 'all changes' },
  { value: 'changed', label: 'changed interactions' },
  { value: 'added', label: 'added interactions' },
  { value: 'removed', label: 'removed interactions' },
  { value: 'tools', label: 'tool changes' },
];

function sides(change: Change): Sides {
  if (change.kind === 'added') return { old: html`<span class="dim">—</span>`, new: html`<ins class="text">${valueText(change.new)}</ins>` };
  if (change.kind === 'removed') return { old: html`<del class="text">${valueText(change.old)}</del>`, new: html`<span class="dim">—</span>` };
  return wordDiffSides(valueText(change.old), valueText(change.new));
}

function changeRow(change: Change): SafeHtml {
  const { old, new: now } = sides(change);
  const tool = change.tool ? html` <span class="badge">${change.tool}</span>` : '';
  return html`<div class="path">${change.path}${tool} <span class="dim">${change.kind}</span></div><div class="side-old">${old}</div><div class="side-new">${now}</div>`;
}

function interactionLabel(interaction: InteractionDiff): string {
  const { old, new: now } = interaction;
  if (old === null) return `#${now}`;
  if (now === null || old === now) return `#${old}`;
  return `#${old} → #${now}`;
}

function interactionBlock(interaction: InteractionDiff, id: string): SafeHtml {
  const status = interaction.status;
  const kind = status === 'added' ? 'ok' : status === 'removed' ? 'bad' : 'warn';
  const flags = [status, interaction.changes.some((c) => c.tool) ? 'tools' : ''].filter(Boolean).join(' ');
  const prompt = interaction.prompt ? html`<span class="dim">${interaction.prompt.replace(/\s+/g, ' ').slice(0, 100)}</span>` : '';
  const count = status === 'changed' ? html`<span>${plural(interaction.changes.length, 'change')}</span>` : '';
  const summary = html`<summary><strong>${interactionLabel(interaction)}</strong><span class="badge ${kind}">${status}</span><span class="mono">${interaction.method} ${interaction.url}</span>${count}${prompt}</summary>`;
  if (status !== 'changed') {
    const body = interaction.prompt ? html`<div class="msg user"><div class="role">last user message</div>${longText(interaction.prompt)}</div>` : '';
    return html`<details class="interaction" id="${id}" data-flags="${flags}" open>${summary}${body}</details>`;
  }
  const head = html`<div class="head">path</div><div class="head old">old</div><div class="head new">new</div>`;
  const shown = interaction.changes.slice(0, SHOWN_CHANGES).map(changeRow);
  const rest = interaction.changes.slice(SHOWN_CHANGES);
  const more = rest.length > 0 ? html`<details><summary>… ${plural(rest.length, 'more change')}</summary><div class="diff-pair">${rest.map(changeRow)}</div></details>` : '';
  return html`<details class="interaction" id="${id}" data-flags="${flags}" open>${summary}<div class="diff-pair">${head}${shown}</div>${more}</details>`;
}

type ComparedFile = Extract<FileDiffJson, { counts: unknown }>;

function countsLine(file: ComparedFile): string {
  const { counts, tokens } = file;
  const parts = (['same', 'changed', 'added', 'removed'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  const total = counts.same + counts.changed + counts.added + counts.removed;
  return `${plural(total, 'interaction')}: ${parts.join(', ') || 'none'} · tokens ${tokens.old.input} → ${tokens.new.input} in, ${tokens.old.output} → ${tokens.new.output} out`;
}

const nameOf = (file: FileDiffJson) => file.name ?? `${file.old ?? '∅'} → ${file.new ?? '∅'}`;

function fileSection(file: FileDiffJson, id: string): SafeHtml {
  const name = nameOf(file);
  const head = html`<h2><a href="#${id}">${name}</a></h2>`;
  if (file.status === 'error') return html`<section class="cassette" id="${id}" data-name="${name}">${head}<div class="part error">${file.error}</div></section>`;
  if (!('counts' in file)) {
    const side = file.status === 'only-old' ? html`<span class="removed">only in the old side</span>` : html`<span class="added">only in the new side</span>`;
    return html`<section class="cassette" id="${id}" data-name="${name}">${head}<div class="facts">${side}<span>${plural(file.interactions, 'interaction')}</span><span>${file.old ?? file.new}</span></div></section>`;
  }
  const paths = file.name ? html`<span class="mono">${file.old}</span><span>→</span><span class="mono">${file.new}</span>` : '';
  const items = file.interactions.filter((i) => i.status !== 'same').map((interaction, k) => interactionBlock(interaction, `${id}-i${k}`));
  return html`<section class="cassette" id="${id}" data-name="${name}">${head}<div class="facts"><span class="badge ${file.status === 'same' ? 'ok' : 'warn'}">${file.status === 'same' ? 'identical in meaning' : 'different'}</span><span>${countsLine(file)}</span>${paths}</div>${items}</section>`;
}

function overview(files: FileDiffJson[], ids: Map<FileDiffJson, string>): SafeHtml {
  const rows = files.map((file) => {
    const id = ids.get(file);
    const name = nameOf(file);
    const link = id ? html`<a href="#${id}">${name}</a>` : name;
    const counts = 'counts' in file ? file.counts : undefined;
    const cells = counts ? [counts.same, counts.changed, counts.added, counts.removed] : ['', '', '', ''];
    const label = file.status === 'same' ? 'identical' : file.status;
    const tone = file.status === 'same' ? 'ok' : file.status === 'error' ? 'bad' : 'warn';
    return html`<tr data-target="${id ?? ''}"><td class="file">${link}</td><td><span class="badge ${tone}">${label}</span></td>${cells.map((c) => html`<td class="num">${c}</td>`)}</tr>`;
  });
  return html`<section id="overview"><h2>Files</h2><div class="scroll"><table><thead><tr><th>file</th><th>status</th><th class="num">same</th><th class="num">changed</th><th class="num">added</th><th class="num">removed</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

export function renderDiffPage(files: FileDiffJson[], options: DiffPageOptions): string {
  const count = (status: FileDiffJson['status']) => files.filter((f) => f.status === status).length;
  const directory = files.length > 1 || files.some((f) => f.name !== null);
  const summary = directory
    ? [`${plural(count('same') + count('different'), 'pair')}: ${count('same')} identical in meaning, ${count('different')} different`, count('only-old') ? `${count('only-old')} only in the old` : '', count('only-new') ? `${count('only-new')} only in the new` : '', count('error') ? plural(count('error'), 'error') : ''].filter(Boolean)
    : [];
  const header = html`<h1>${options.title}</h1><div class="facts">${summary.map((s) => html`<span>${s}</span>`)}<span>${options.generator}</span></div>`;
  // Identical pairs of a directory are only listed in the overview; the rest get a section.
  const ids = new Map<FileDiffJson, string>();
  const sections = files
    .filter((file) => !directory || file.status !== 'same')
    .map((file, i) => {
      const id = `d${i + 1}`;
      ids.set(file, id);
      return fileSection(file, id);
    });
  const body = html`${directory ? overview(files, ids) : ''}${sections}`;
  return page({ title: `${options.title} · cassette diff`, generator: options.generator, toolbar: true, filters: FILTERS }, header, body);
}
