/**
 * The runtime-alerts timeline: alerts per day stacked by severity, as an inline SVG bar chart
 * (presentation attributes only: the CSP forbids inline style; every bar has a <title> tooltip).
 */
import type { AlertDay } from '../queries.js';
import { html, type Raw } from './html.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const COLOUR: Record<(typeof SEVERITIES)[number], string> = { critical: '#8b0000', high: '#c2410c', medium: '#b58100', low: '#2563eb', info: '#6b7280' };

export function timelineSvg(days: AlertDay[]): Raw {
  if (!days.length) return html``;
  const w = 760;
  const h = 150;
  const chart = w - 110; // the legend sits on the right
  const base = h - 20;
  const total = (d: AlertDay) => SEVERITIES.reduce((n, s) => n + d[s], 0);
  const max = Math.max(1, ...days.map(total));
  const slot = chart / days.length;
  const bar = Math.max(2, slot - 3);
  const scale = (v: number) => ((base - 10) * v) / max;
  return html`<svg class="timeline" id="alert-timeline" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="runtime alerts per day by severity, ${days[0].day} to ${days.at(-1)!.day}">
${days.map((d, i) => {
  let top = base;
  const x = Math.round(i * slot * 10) / 10;
  return html`<g data-day="${d.day}" data-alerts="${total(d)}">${SEVERITIES.filter((s) => d[s] > 0).map((s) => {
    const height = scale(d[s]);
    top -= height;
    return html`<rect x="${x}" y="${Math.round(top * 10) / 10}" width="${bar}" height="${Math.round(height * 10) / 10}" fill="${COLOUR[s]}"><title>${d.day}: ${d[s]} ${s}</title></rect>`;
  })}${i % 5 === 0 || i === days.length - 1 ? html`<text x="${x}" y="${h - 5}" font-size="10" fill="#6b6b76">${d.day.slice(5)}</text>` : ''}</g>`;
})}
<text x="${chart + 14}" y="14" font-size="11" fill="#1d1d1f">max ${max}/day</text>${SEVERITIES.map(
    (s, i) => html`<rect x="${chart + 14}" y="${24 + i * 16}" width="10" height="10" fill="${COLOUR[s]}"/><text x="${chart + 28}" y="${33 + i * 16}" font-size="11" fill="#1d1d1f">${s}</text>`,
  )}</svg>`;
}
