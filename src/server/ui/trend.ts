/** The overview's trend as an inline SVG bar chart (presentation attributes only: the CSP forbids inline style). */
import { html, type Raw } from './html.js';

export function trendSvg(days: { day: string; new: number; fixed: number }[]): Raw {
  if (!days.length) return html`<p class="muted">No finding changes in the last 14 days.</p>`;
  const w = 640;
  const h = 120;
  const max = Math.max(1, ...days.flatMap((d) => [d.new, d.fixed]));
  // One slot per day, at most 44 px: a single day is a pair of bars, not a wall.
  const slot = Math.min(44, w / days.length);
  const bar = Math.max(2, slot / 2 - 4);
  const y = (v: number) => h - 20 - ((h - 30) * v) / max;
  return html`<svg class="trend" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="new and fixed findings per day">
${days.map(
  (d, i) => html`<rect x="${i * slot + 2}" y="${y(d.new)}" width="${bar}" height="${h - 20 - y(d.new)}" fill="#c2410c"><title>${d.day}: ${d.new} new or reopened</title></rect>
<rect x="${i * slot + 2 + bar + 2}" y="${y(d.fixed)}" width="${bar}" height="${h - 20 - y(d.fixed)}" fill="#15803d"><title>${d.day}: ${d.fixed} fixed</title></rect>
<text x="${i * slot + 2}" y="${h - 5}" font-size="10" fill="#6b6b76">${d.day.slice(5)}</text>`,
)}<rect x="${w - 150}" y="8" width="10" height="10" fill="#c2410c"/><text x="${w - 136}" y="17" font-size="11" fill="#1d1d1f">new / reopened</text>
<rect x="${w - 150}" y="24" width="10" height="10" fill="#15803d"/><text x="${w - 136}" y="33" font-size="11" fill="#1d1d1f">fixed</text></svg>`;
}
