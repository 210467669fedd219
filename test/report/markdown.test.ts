import { describe, expect, it } from 'vitest';
import { code, esc, markdown } from '../../src/report/markdown.js';
import { emptyReport, sampleReport } from '../support/sample-report.js';

describe('markdown formatter', () => {
  const md = markdown(sampleReport(), { color: false });

  it('has a summary table by severity and the suppressed count', () => {
    expect(md).toContain('| Severity | Findings |');
    expect(md).toContain('| 🟥 critical | 2 |');
    expect(md).toContain('| 🟧 high | 1 |');
    expect(md).toContain('| **total** | **5** |');
    expect(md).toContain('**2 suppressed (1 inline, 1 ignore file)**');
    expect(md).toContain('1 expired ignore entry (no longer suppressing)');
  });

  it('lists suppressed findings with how and why in a collapsible section', () => {
    expect(md).toContain('<details><summary>Suppressed (2)</summary>');
    expect(md).toContain('| `secret/openai-api-key` | `docs/example.env:1` | ignore-file (until 2030-01-01) | documentation example, revoked |');
  });

  it('lists findings with severity, rule, location and message', () => {
    expect(md).toContain('| Severity | Rule | Location | Message |');
    expect(md).toContain('| 🟥 critical | `secret/openai-api-key` | `app/settings.py:12` | OpenAI project key assigned to OPENAI\\_API\\_KEY. |');
    expect(md).toContain('`models/classifier.pt → archive/data.pkl`');
  });

  it('has collapsible details with remediation and reference links', () => {
    expect(md).toContain('<details><summary>high · model/pickle-unsafe-global · models/classifier.pt → archive/data.pkl</summary>');
    expect(md).toContain('**Fix:** Convert the model to safetensors.');
    expect(md).toContain('[CVE-2025-32434](https://nvd.nist.gov/vuln/detail/CVE-2025-32434)');
  });

  it('keeps hostile text inside its table cell and renders no HTML from it', () => {
    const row = md.split('\n').find((l) => l.includes('pipe'))!;
    // Only the 5 cell separators of the row are unescaped pipes.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    expect(row).not.toContain('<script>');
    expect(row).toContain('&lt;script&gt;');
    expect(row).toContain('\\`tick\\`');
    // Inside a code span, markup is shown literally; in the <summary> HTML it is entity-escaped.
    expect(row).toContain('``notes/we\\|ird `name` <b>x</b>.md:3``');
    expect(md).toContain('<summary>critical · secret/openai-api-key · notes/we|ird `name` &lt;b&gt;x&lt;/b&gt;.md:3</summary>');
    expect(md).not.toContain('\n newline');
    expect(md).not.toContain('\x1b');
  });

  it('stays under the GitHub comment limit on a huge report', () => {
    const base = sampleReport();
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...base.findings[0], message: `${'long message '.repeat(60)} ${i}`, fingerprint: i.toString(16).padStart(32, '0') }));
    const big = markdown({ ...base, findings: many, suppressed: Array(3000).fill(base.suppressed[1]) }, { color: false });
    expect(big.length).toBeLessThan(65_536);
    expect(big).toMatch(/… and \d+ more findings \(see the SARIF or JSON report\)\./);
    expect(big).toContain('</details>');
    expect(big.split('<details>').length).toBe(big.split('</details>').length);
  });

  it('says so when there is nothing to report', () => {
    const empty = markdown(emptyReport(), { color: false });
    expect(empty).toContain('No findings. ✅');
    expect(empty).toContain('No suppressed findings');
  });
});

describe('markdown escaping', () => {
  it('escapes table and inline syntax', () => {
    expect(esc('a|b `c` *d* <e> [f](g)')).toBe('a\\|b \\`c\\` \\*d\\* &lt;e&gt; \\[f\\](g)');
  });

  it('cannot @mention people from scanned text', () => {
    expect(esc('ping @octocat')).toBe('ping @\u200boctocat');
  });

  it('fences code spans longer than any backtick run inside', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('has ` one')).toBe('``has ` one``');
    expect(code('`edge`')).toBe('`` `edge` ``');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('a|b', false)).toBe('`a|b`');
  });
});
