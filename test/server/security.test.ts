/**
 * Access control of `aigis serve` on both backends: every route needs a token, roles limit what a token
 * may do, browser sessions are HttpOnly/SameSite=Strict cookies whose forms need the CSRF token,
 * responses carry strict security headers, and stored text is escaped in the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aigisReport, falcoEvent } from './fixtures.js';
import { backends, openBackend, stopClusters, type TestServer } from './harness.js';

afterAll(stopClusters);

const PUBLIC = new Set(['/healthz', '/readyz', '/login', '/static/app.css', '/favicon.ico']);

function concrete(path: string): string {
  return path.replace(/:id\{[^}]+\}/g, '1').replace(/:name/g, 'p1');
}

describe.each(backends())('aigis serve access control on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openBackend(backend);
    await s.req('/api/v1/reports?project=p1', { method: 'POST', body: JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x' }], 1)) });
    await s.req('/api/v1/reports?project=p3', { method: 'POST', body: JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x', message: '<script>alert(1)</script>' }], 1)) });
    await s.req('/api/v1/reports?project=p2', { method: 'POST', body: JSON.stringify(aigisReport([{ rule: 'a/two', path: 'y' }], 2)) });
  });
  afterAll(async () => {
    await s?.db.close();
  });

  it('answers 401 on every route without a token, with a bogus token and with a revoked token', async () => {
    const routes = s.app.routes.filter((r) => r.method !== 'ALL' && !PUBLIC.has(r.path));
    expect(routes.length).toBeGreaterThan(25);
    const revoked = await s.token('admin');
    const { id } = (await (await s.req('/api/v1/tokens')).json()).at(-1);
    expect((await s.req(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
    for (const token of [null, 'aigis_not-a-real-token', revoked]) {
      for (const r of routes) {
        const res = await s.req(concrete(r.path), { method: r.method, token, body: r.method === 'GET' ? undefined : '{}' });
        expect(res.status, `${r.method} ${r.path} with ${token ? 'a bad token' : 'no token'}`).toBe(401);
      }
    }
    // Unknown paths are no way around it either.
    expect((await s.req('/api/v1/nothing-here', { token: null })).status).toBe(401);
  });

  it('a viewer reads but cannot write anything', async () => {
    const viewer = await s.token('viewer');
    expect((await s.req('/api/v1/projects/p1', { token: viewer })).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/reports?project=p1', aigisReport([], 9)],
      ['POST', '/api/v1/alerts?project=p1', falcoEvent('x')],
      ['POST', '/api/v1/suppressions', { rule: 'a/one', reason: 'r' }],
      ['DELETE', '/api/v1/suppressions/1', undefined],
      ['POST', '/api/v1/tokens', { name: 'x', role: 'admin' }],
      ['DELETE', '/api/v1/tokens/1', undefined],
    ];
    for (const [method, path, body] of writes) {
      expect((await s.req(path, { method, token: viewer, body: body === undefined ? undefined : JSON.stringify(body) })).status, `${method} ${path}`).toBe(403);
    }
    expect((await s.req('/api/v1/tokens', { token: viewer })).status).toBe(403);
    expect((await s.req('/api/v1/audit', { token: viewer })).status).toBe(403);
    expect((await s.req('/audit', { token: viewer })).status).toBe(403);
    expect((await s.req('/audit')).status).toBe(200);
  });

  it('an uploader uploads to and reads its own projects only', async () => {
    const up = await s.token('uploader', ['p1']);
    expect((await s.req('/api/v1/reports?project=p1', { method: 'POST', token: up, body: JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x' }], 3)) })).status).toBe(201);
    expect((await s.req('/api/v1/reports?project=p2', { method: 'POST', token: up, body: JSON.stringify(aigisReport([], 4)) })).status).toBe(403);
    expect((await s.req('/api/v1/projects/p1', { token: up })).status).toBe(200);
    for (const path of ['/api/v1/projects/p2', '/api/v1/projects/p2/findings', '/api/v1/projects/p2/reports', '/projects/p2']) {
      expect((await s.req(path, { token: up })).status, path).toBe(404);
    }
    const p2report = (await (await s.req('/api/v1/projects/p2/reports')).json())[0].id;
    expect((await s.req(`/api/v1/reports/${p2report}`, { token: up })).status).toBe(404);
    const p2finding = (await (await s.req('/api/v1/projects/p2/findings')).json())[0].id;
    expect((await s.req(`/api/v1/findings/${p2finding}`, { token: up })).status).toBe(404);
    const projects = (await (await s.req('/api/v1/projects', { token: up })).json()).map((p: { name: string }) => p.name);
    expect(projects).toEqual(['p1']);
    const inventory = await (await s.req('/api/v1/inventory', { token: up })).json();
    expect(new Set(inventory.map((a: { project: string }) => a.project))).toEqual(new Set(['p1']));
    expect((await s.req('/api/v1/suppressions', { method: 'POST', token: up, body: JSON.stringify({ rule: 'a/one', reason: 'r' }) })).status).toBe(403);
  });

  it('logs a browser in with an HttpOnly SameSite=Strict session cookie and enforces CSRF on forms', async () => {
    const huge = await s.app.request('http://127.0.0.1/login', { method: 'POST', body: new URLSearchParams({ token: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
    const bad = await s.app.request('http://127.0.0.1/login', { method: 'POST', body: new URLSearchParams({ token: 'wrong' }) });
    expect(bad.status).toBe(401);
    const login = await s.app.request('http://127.0.0.1/login', { method: 'POST', body: new URLSearchParams({ token: s.admin }) });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^aigis_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0];
    const page = await s.app.request('http://127.0.0.1/projects/p3', { headers: { cookie: session } });
    expect(page.status).toBe(200);
    const text = await page.text();
    // Stored text is escaped: the finding's <script> message is shown, not run.
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text)![1];
    const form = (extra: Record<string, string>) => new URLSearchParams({ project: 'p1', rule: 'a/one', reason: 'accepted', ...extra });
    expect((await s.app.request('http://127.0.0.1/suppressions', { method: 'POST', headers: { cookie: session }, body: form({}) })).status).toBe(403);
    expect((await s.app.request('http://127.0.0.1/suppressions', { method: 'POST', headers: { cookie: session }, body: form({ _csrf: 'guess' }) })).status).toBe(403);
    expect((await s.app.request('http://127.0.0.1/suppressions', { method: 'POST', headers: { cookie: session, origin: 'https://evil.example' }, body: form({ _csrf: csrf }) })).status).toBe(403);
    expect((await s.app.request('http://127.0.0.1/suppressions', { method: 'POST', headers: { cookie: session, origin: 'http://127.0.0.1' }, body: form({ _csrf: csrf }) })).status).toBe(303);
    // Logging out ends the session.
    expect((await s.app.request('http://127.0.0.1/logout', { method: 'POST', headers: { cookie: session }, body: new URLSearchParams({ _csrf: csrf }) })).status).toBe(303);
    expect((await s.app.request('http://127.0.0.1/', { headers: { cookie: session } })).status).toBe(401);
  });

  it('revoking a token ends its browser sessions', async () => {
    const viewer = await s.token('viewer');
    const login = await s.app.request('http://127.0.0.1/login', { method: 'POST', body: new URLSearchParams({ token: viewer }) });
    const session = login.headers.get('set-cookie')!.split(';')[0];
    expect((await s.app.request('http://127.0.0.1/', { headers: { cookie: session } })).status).toBe(200);
    const tokens = await (await s.req('/api/v1/tokens')).json();
    const id = tokens.filter((t: { role: string }) => t.role === 'viewer').at(-1).id;
    await s.req(`/api/v1/tokens/${id}`, { method: 'DELETE' });
    expect((await s.app.request('http://127.0.0.1/', { headers: { cookie: session } })).status).toBe(401);
  });

  it('stores tokens hashed, never in clear', async () => {
    const created = await (await s.req('/api/v1/tokens', { method: 'POST', body: JSON.stringify({ name: 'ci', role: 'uploader', projects: ['p1'] }) })).json();
    expect(created.token).toMatch(/^aigis_[\w-]{43}$/);
    const { rows } = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tokens WHERE token_hash = $1 OR token_hash LIKE $2', [created.token, `%${created.token.slice(6, 20)}%`]);
    expect(rows[0].n).toBe(0);
    expect((await s.req('/api/v1/tokens', { method: 'POST', body: JSON.stringify({ name: 'x', role: 'uploader' }) })).status).toBe(400);
  });

  it('sends strict security headers on pages, API answers and errors', async () => {
    for (const [path, token] of [['/', s.admin], ['/login', null], ['/api/v1/projects', s.admin], ['/api/v1/projects', null]] as const) {
      const res = await s.req(path, { token });
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
    // No page carries an inline script (the CSP would block it; none is needed).
    expect(await (await s.req('/')).text()).not.toMatch(/<script/i);
  });

  it('project names with a slash work when encoded', async () => {
    expect((await s.req('/api/v1/reports?project=org/repo', { method: 'POST', body: JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x' }], 5)) })).status).toBe(201);
    expect((await s.req('/api/v1/projects/org%2Frepo')).status).toBe(200);
    expect((await s.req('/api/v1/reports?project=../etc', { method: 'POST', body: '{}' })).status).toBe(400);
  });
});
