/** The overview's trend as an inline SVG bar chart (presentation attributes only: the CSP forbids inline style). */
import { html, type Raw } from './html.js';

export function trendSvg(days: { day: string; new: number; fixed: number }[]): Raw {
  if (!days.length) return html`<p class="muted">No finding changes in the last 14 days.</p>`;
  const w = 640;
  const h = 120;
  const max = Math.max(1, ...days.flatMap((d) => [d.new, d.fixed]));
  const slot = w / days.length;
  const bar = Math.max(2, slot / 2 - 4);
  const y = (v: number) => h - 20 - ((h - 30) * v) / max;
  return html`<svg class="trend" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="new and fixed findings per day">
${days.map(
  (d, i) => html`<rect x="${i * slot + 2}" y="${y(d.new)}" width="${bar}" height="${h - 20 - y(d.new)}" fill="#c2410c"><title>${d.day}: ${d.new} new or reopened</title></rect>
<rect x="${i * slot + 2 + bar + 2}" y="${y(d.fixed)}" width="${bar}" height="${h - 20 - y(d.fixed)}" fill="#15803d"><title>${d.day}: ${d.fixed} fixed</title></rect>
<text x="${i * slot + 2}" y="${h - 5}" font-size="10" fill="#6b6b76">${d.day.slice(5)}</text>`,
)}</svg>`;
}
