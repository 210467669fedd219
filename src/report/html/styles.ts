/**
 * The stylesheet of the HTML report, inlined in one <style> element whose hash the CSP allows.
 * No web fonts, no url(): the page renders offline. Print: controls hidden, colours kept, cards and
 * rows not split across pages, the graph scaled to the page width.
 */
export const STYLES = `
:root {
  --fg: #1b1f24; --muted: #57606a; --line: #d8dee4; --bg: #ffffff; --panel: #f6f8fa;
  --critical: #b71c1c; --high: #d84315; --medium: #b58100; --low: #1565c0; --info: #607d8b;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--fg); background: var(--bg); font-size: 14px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; }
main { max-width: 1280px; margin: 0 auto; padding: 20px 28px 48px; }
header.top { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; flex-wrap: wrap; border-bottom: 2px solid var(--fg); padding-bottom: 10px; }
header.top h1 { font-size: 22px; margin: 0; }
header.top h1 .target { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 600; }
header.top .meta { color: var(--muted); font-size: 12.5px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h2 .count { color: var(--muted); font-weight: 400; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.verdict { margin: 14px 0 4px; font-size: 15px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(118px, 1fr)); gap: 10px; margin-top: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--panel); border-top-width: 4px; }
.card .n { font-size: 26px; font-weight: 700; line-height: 1.1; }
.card .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card.critical { border-top-color: var(--critical); } .card.critical .n { color: var(--critical); }
.card.high { border-top-color: var(--high); } .card.high .n { color: var(--high); }
.card.medium { border-top-color: var(--medium); } .card.medium .n { color: var(--medium); }
.card.low { border-top-color: var(--low); } .card.low .n { color: var(--low); }
.card.info { border-top-color: var(--info); }
.card.zero .n { color: var(--muted); }
.sev { display: inline-block; min-width: 64px; text-align: center; border-radius: 10px; padding: 1px 8px; font-size: 11.5px; font-weight: 700; text-transform: uppercase; color: #fff; }
.sev.critical { background: var(--critical); } .sev.high { background: var(--high); } .sev.medium { background: var(--medium); }
.sev.low { background: var(--low); } .sev.info { background: var(--info); }
figure.graph { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px; overflow-x: auto; background: #fff; }
figure.graph svg { display: block; max-width: 100%; height: auto; }
figure.graph figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
.aigis-path-graph .node, .aigis-path-graph .edge { transition: opacity .15s; }
.aigis-path-graph.focus .node, .aigis-path-graph.focus .edge { opacity: .18; }
.aigis-path-graph.focus .on { opacity: 1; }
ol.paths { list-style: none; padding: 0; margin: 12px 0 0; display: grid; gap: 10px; }
.path { border: 1px solid var(--line); border-left: 5px solid var(--high); border-radius: 8px; padding: 10px 14px; background: #fff; break-inside: avoid; }
.path.critical { border-left-color: var(--critical); } .path.medium { border-left-color: var(--medium); } .path.low { border-left-color: var(--low); }
.path.selected { box-shadow: 0 0 0 2px #0969da; }
.path-head { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.score { font-weight: 800; font-size: 18px; min-width: 36px; }
.path-title { font-weight: 650; font-size: 15px; }
.path-head .rule { color: var(--muted); }
.path-head button { margin-left: auto; }
ol.steps { margin: 8px 0 0; padding-left: 22px; }
ol.steps li { margin: 3px 0; }
.role { display: inline-block; font-size: 10.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border-radius: 4px; padding: 0 5px; margin-right: 6px; border: 1px solid; }
.role.entry { color: #b71c1c; border-color: #c62828; background: #fdecea; }
.role.pivot { color: #8a5a00; border-color: #e08e00; background: #fff8e1; }
.role.target { color: #6a1b9a; border-color: #6a1b9a; background: #f3e5f5; }
.step-desc, .place { color: var(--muted); }
.place { font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); white-space: nowrap; }
th button { all: unset; cursor: pointer; }
th button:focus-visible { outline: 2px solid #0969da; }
th[aria-sort=ascending] button::after { content: ' ▲'; }
th[aria-sort=descending] button::after { content: ' ▼'; }
td.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; min-width: 200px; max-width: 340px; }
td.msg .title { font-weight: 600; }
td.msg .text { color: var(--muted); }
tr.finding { cursor: pointer; }
tr.finding:hover { background: #f6faff; }
tr.detail td { background: var(--panel); }
tr.detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 4px 0; }
tr.detail dt { color: var(--muted); font-weight: 600; }
tr.detail dd { margin: 0; word-break: break-word; }
.on-path { display: inline-block; font-size: 11px; font-weight: 700; color: #fff; background: #6a1b9a; border-radius: 4px; padding: 0 5px; margin-left: 6px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; margin: 8px 0 10px; padding: 10px 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.controls label { display: inline-flex; align-items: center; gap: 4px; font-size: 13px; }
.controls input[type=search] { min-width: 240px; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
.controls select { padding: 3px 6px; font: inherit; }
.controls .shown { margin-left: auto; color: var(--muted); font-size: 12.5px; }
button { font: inherit; font-size: 12.5px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
.empty { color: var(--muted); padding: 10px 0; }
details.more { margin-top: 14px; }
details.more summary { cursor: pointer; font-weight: 600; }
.inventory td.kind { white-space: nowrap; color: var(--muted); }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  :root { font-size: 11px; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .controls, .path-head button, .noprint { display: none !important; }
  figure.graph { overflow: visible; border: none; padding: 0; }
  figure.graph svg { max-width: 100%; }
  .aigis-path-graph.focus .node, .aigis-path-graph.focus .edge { opacity: 1; }
  tr, .card, .path, figure.graph { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
  code, .mono, td.loc, .place { font-size: 9.5px; }
  a { color: inherit; text-decoration: none; }
}
`;
