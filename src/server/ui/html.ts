/**
 * Server-rendered HTML: every dynamic value goes through `esc` (the tagged template `html` escapes
 * interpolations unless they are already `Raw`), no inline scripts or styles (the CSP forbids them),
 * one stylesheet served by the server (no CDN).
 */
export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Raw(out);
}

function render(v: unknown): string {
  if (v instanceof Raw) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === undefined || v === null || v === false) return '';
  return esc(v);
}

export interface LayoutUser {
  name: string;
  role: string;
  csrf?: string;
}

const NAV: [string, string][] = [
  ['/', 'Overview'],
  ['/inventory', 'Inventory'],
  ['/alerts', 'Runtime alerts'],
  ['/suppressions', 'Suppressions'],
];

export function layout(title: string, body: Raw, user?: LayoutUser, active = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · aigis</title><link rel="stylesheet" href="/static/app.css"></head>
<body><header><a class="brand" href="/">aigis</a>${
    user
      ? `<nav>${[...NAV, ...(user.role === 'admin' ? [['/audit', 'Audit log'] as [string, string]] : [])].map(([href, label]) => `<a href="${href}"${href === active ? ' aria-current="page"' : ''}>${label}</a>`).join('')}</nav>
<form method="post" action="/logout" class="logout"><input type="hidden" name="_csrf" value="${esc(user.csrf)}"><span>${esc(user.name)} (${esc(user.role)})</span><button type="submit">Log out</button></form>`
      : ''
  }</header>
<main>${body.value}</main></body></html>`;
}

export function sevBadge(s: string): Raw {
  return html`<span class="sev sev-${s}">${s}</span>`;
}

export function when(iso: unknown): string {
  if (!iso) return '';
  const d = iso instanceof Date ? iso : new Date(String(iso));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
