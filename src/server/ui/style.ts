/** The dashboard's only stylesheet, served at /static/app.css (the CSP allows styles from 'self' only). */
export const STYLE = `
:root{--bg:#f7f7f8;--fg:#1d1d1f;--muted:#6b6b76;--line:#dcdce2;--accent:#3b4cca;--crit:#8b0000;--high:#c2410c;--med:#b58100;--low:#2563eb;--info:#6b7280}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.2rem;background:#111827;color:#fff}
header a{color:#e5e7eb;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;border-bottom:2px solid #fff}
.brand{font-weight:700;font-size:1.1rem;color:#fff!important}nav{display:flex;gap:1rem;flex:1}
.logout{display:flex;gap:.5rem;align-items:center;margin:0}.logout span{color:#9ca3af}
main{max-width:1200px;margin:0 auto;padding:1rem 1.2rem}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#f0f0f3;font-weight:600}td.num,th.num{text-align:right}code{font:12px ui-monospace,monospace;word-break:break-all}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;min-width:7rem}
.card b{display:block;font-size:1.5rem}.muted{color:var(--muted)}
.sev{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:12px;text-transform:uppercase}
.sev-critical{background:var(--crit)}.sev-high{background:var(--high)}.sev-medium{background:var(--med)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
form.inline{display:inline}form.filters{display:flex;gap:.5rem;flex-wrap:wrap;margin:.5rem 0}
input,select,button{font:inherit;padding:.25rem .45rem}button{cursor:pointer;background:var(--accent);color:#fff;border:0;border-radius:4px}
.logout button{background:#374151}ol.steps{margin:.3rem 0 .8rem 1.2rem}ol.steps li{margin:.2rem 0}
figure.path-graph{margin:.6rem 0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem;overflow-x:auto}figure.path-graph svg{display:block;max-width:100%;height:auto}figure.path-graph figcaption{margin-top:.3rem;font-size:12px}
.path{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:.6rem 0}
.error{background:#fee2e2;border:1px solid #fca5a5;padding:.5rem .8rem;border-radius:4px}.ok{background:#dcfce7;border:1px solid #86efac;padding:.5rem .8rem;border-radius:4px}
.login{max-width:28rem;margin:4rem auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:1.2rem}
.login input{width:100%;margin:.4rem 0 .8rem}svg.trend,svg.timeline{background:#fff;border:1px solid var(--line);max-width:100%;height:auto}
`;
