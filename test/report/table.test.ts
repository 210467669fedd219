import { describe, expect, it } from 'vitest';
import { firstSentence, table } from '../../src/report/table.js';
import { emptyReport, sampleReport } from '../support/sample-report.js';

describe('table formatter', () => {
  const out = table(sampleReport(), { color: false });

  it('groups findings by severity, most severe first', () => {
    const order = ['CRITICAL (2)', 'HIGH (1)', 'MEDIUM (1)', 'LOW (1)'].map((h) => out.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toContain('  secret/openai-api-key  app/settings.py:12');
    expect(out).toContain('    fix: Revoke the key in the OpenAI dashboard');
  });

  it('prints warning/error notes (including expired ignores) and hides info notes', () => {
    expect(out).toContain('Notes (3):');
    expect(out).toContain('[error] broken.ipynb: invalid JSON at byte 12');
    expect(out).toContain('expired on 2024-01-01');
    expect(out).not.toContain('3 files skipped');
  });

  it('lists suppressed findings with how and why, and counts them in the summary line', () => {
    expect(out).toContain('Suppressed (2):');
    expect(out).toContain('secret/openai-api-key  docs/example.env:1  [ignore-file, until 2030-01-01] — documentation example, revoked');
    expect(out).toMatch(/^Findings: 5 \(critical: 2, high: 1, medium: 1, low: 1, info: 0\); 2 suppressed \(1 inline, 1 ignore file\); 1 expired ignore entry — 42 files/m);
  });

  it('colours only when asked, and strips control characters from scanned text', () => {
    expect(out).not.toContain('\x1b');
    const coloured = table(sampleReport(), { color: true });
    expect(coloured).toContain('\x1b[1;31mCRITICAL (2)\x1b[0m');
    expect(coloured).not.toContain('\x1b[31mred');
  });

  it('prints the AI inventory summary when there are assets, and none without', () => {
    expect(table(sampleReport(), { color: false })).toContain('AI inventory');
    expect(table(emptyReport(), { color: false })).not.toContain('AI inventory');
  });

  it('shows the first sentence of the fix, without cutting URLs', () => {
    expect(firstSentence('Revoke it at https://platform.openai.com/api-keys now. Then load it from a vault.')).toBe('Revoke it at https://platform.openai.com/api-keys now.');
    expect(firstSentence('No full stop here')).toBe('No full stop here');
    // A hard-wrapped sentence is read across its lines; a blank line or a list item ends it.
    expect(firstSentence('Restore logging (with your bucket), check the\nrole that removed it. Then alert.')).toBe('Restore logging (with your bucket), check the role that removed it.');
    expect(firstSentence('Do one of these\n- pin it\n- remove it')).toBe('Do one of these');
    expect(firstSentence('First paragraph without stop\n\nSecond one.')).toBe('First paragraph without stop');
    expect(firstSentence('Steps\n1. revoke\n2. rotate')).toBe('Steps');
    expect(firstSentence('x'.repeat(300))).toHaveLength(200);
  });

  it('says "No findings." on an empty report', () => {
    expect(table(emptyReport(), { color: false })).toContain('No findings.');
  });
});
