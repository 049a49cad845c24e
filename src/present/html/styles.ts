// The report's stylesheet: one inline <style> (allowed by its hash in the CSP). Light and dark
// follow prefers-color-scheme; print drops the toolbar and colours; narrow windows stack columns.

export const STYLES = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--dim:#656d76;--line:#d0d7de;--panel:#f6f8fa;--accent:#0969da;
--user:#ddf4ff;--assistant:#f6f8fa;--system:#fff8c5;--tool:#fbefff;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;
--ins:#ccffd8;--del:#ffd7d5;--bar:#54aeff;--bar-bad:#ff8182;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--dim:#8d96a0;--line:#30363d;--panel:#161b22;--accent:#4493f8;
--user:#0c2d4a;--assistant:#161b22;--system:#3b2e05;--tool:#2b1a3a;--ok:#3fb950;--warn:#d29922;--bad:#f85149;
--ins:#1a4d2a;--del:#5c1f1f;--bar:#388bfd;--bar-bad:#da3633}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
header.page,main{max-width:1200px;margin:0 auto;padding:12px 16px}
h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:0 0 6px;overflow-wrap:anywhere}h3{font-size:14px;margin:10px 0 4px}
a{color:var(--accent)}
code,pre,.mono{font-family:var(--mono);font-size:12.5px}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.dim{color:var(--dim)}
#toolbar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:8px 16px;background:var(--panel);border-bottom:1px solid var(--line)}
#toolbar input{flex:1 1 220px;min-width:0;padding:5px 8px;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px}
#toolbar select,#toolbar button{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:4px 8px}
[hidden]{display:none!important}
.facts{display:flex;flex-wrap:wrap;gap:4px 12px;color:var(--dim);margin:2px 0 8px}
.badge{display:inline-block;padding:0 6px;border-radius:10px;border:1px solid var(--line);font-size:12px;color:var(--fg)}
.badge.ok{color:var(--ok);border-color:var(--ok)}.badge.bad{color:var(--bad);border-color:var(--bad)}.badge.warn{color:var(--warn);border-color:var(--warn)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.file{overflow-wrap:anywhere}
#overview table{table-layout:fixed;min-width:1100px}#overview td,#overview th{overflow-wrap:anywhere;overflow:hidden}
#overview col.file{width:30%}#overview col.short{width:5.5em}#overview col.list{width:11%}#overview col.num{width:4.5em}#overview col.tokens{width:6.5em}#overview col.bars{width:172px}
section.cassette{border:1px solid var(--line);border-radius:8px;padding:12px;margin:16px 0;content-visibility:auto;contain-intrinsic-size:auto 300px}
details{margin:4px 0}
summary{cursor:pointer}
details.interaction{border-top:1px solid var(--line);padding-top:6px}
details.interaction>summary{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;padding:2px 0}
details.interaction>summary:focus-visible,.current>summary{outline:2px solid var(--accent);outline-offset:2px}
.msg{border-left:3px solid var(--line);background:var(--assistant);padding:6px 10px;margin:6px 0;border-radius:0 6px 6px 0}
.msg.user{background:var(--user);border-color:var(--accent)}
.msg.system,.msg.developer{background:var(--system);border-color:var(--warn)}
.msg.tool{background:var(--tool)}
.msg.assistant{border-color:var(--ok)}
.msg.response{border-color:var(--ok);border-left-width:5px}
.role{font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--dim)}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.part{margin:4px 0}
.call,.result{border:1px solid var(--line);border-radius:6px;padding:4px 8px;background:var(--bg)}
.call>summary,.result>summary{font-family:var(--mono);font-size:12.5px}
.refusal,.error{border:1px solid var(--bad);border-radius:6px;padding:4px 8px;color:var(--bad)}
.reasoning{color:var(--dim);font-style:italic}
ul.diagnostics{margin:4px 0;padding-left:18px;color:var(--warn)}
.json ul{list-style:none;margin:0;padding-left:16px;border-left:1px dotted var(--line)}
.json summary{color:var(--dim)}
.json .k{color:var(--accent)}.json .s{color:var(--ok)}.json .n{color:var(--warn)}.json .b{color:var(--bad)}
.raw>pre{max-height:40em;overflow:auto;background:var(--panel);padding:6px;border-radius:6px;white-space:pre}
.raw pre .line{display:block}
svg.timeline{display:block;max-width:100%;height:auto;margin:4px 0}
svg .bar{fill:var(--bar)}svg .bar.bad{fill:var(--bar-bad)}svg .axis{stroke:var(--line)}svg text{fill:var(--dim);font-size:10px}
.diff-pair{display:grid;grid-template-columns:minmax(10em,16em) 1fr 1fr;gap:0;border-top:1px solid var(--line)}
.diff-pair>div{padding:4px 8px;border-bottom:1px solid var(--line);overflow-wrap:anywhere;min-width:0}
.diff-pair .head{background:var(--panel);font-weight:600}
.diff-pair .path{font-family:var(--mono);font-size:12.5px}
ins{background:var(--ins);text-decoration:none}del{background:var(--del);text-decoration:none}
.side-old{border-left:3px solid var(--bad)}.side-new{border-left:3px solid var(--ok)}
.added{color:var(--ok)}.removed{color:var(--bad)}
@media (max-width:700px){body{font-size:13px}header.page,main{padding:8px}section.cassette{padding:8px}
.diff-pair{grid-template-columns:1fr}.diff-pair .head.old,.diff-pair .head.new{display:none}
.diff-pair .side-old::before{content:"old: ";color:var(--dim)}.diff-pair .side-new::before{content:"new: ";color:var(--dim)}}
@media print{#toolbar{display:none}body{background:#fff;color:#000;font-size:11px}section.cassette{break-inside:auto;content-visibility:visible;border:0}
details.interaction{break-inside:avoid-page}.raw{display:none}a{color:inherit;text-decoration:none}
.msg,th{background:none!important}.raw>pre{max-height:none}}
`;
