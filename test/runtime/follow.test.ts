/** --follow: lines appended to a growing file are detected as they arrive; truncation restarts. */
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/runtime/builtin-rules.js';
import { DetectSession } from '../../src/runtime/session.js';
import { followInput } from '../../src/runtime/sources/read.js';
import { ct } from './fixtures.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls until the condition holds (the machine may be busy); gives up after 5 s. */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !cond(); i++) await wait(20);
}

describe('follow', () => {
  it('detects events appended after it started, then stops on abort', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aigis-follow-')), 'trail.jsonl');
    writeFileSync(file, JSON.stringify(ct('cloudtrail', 'StartLogging')) + '\n');
    const session = new DetectSession(loadBuiltinRules().rules);
    const stop = new AbortController();
    const done = followInput(session, file, stop.signal, 20);
    await until(() => session.stats.events === 1);
    expect(session.stats.events).toBe(1);
    expect(session.findings).toHaveLength(0);
    const line = JSON.stringify(ct('cloudtrail', 'StopLogging'));
    appendFileSync(file, line.slice(0, 40)); // half a line: not read as a record yet
    await wait(80);
    expect(session.stats.events).toBe(1);
    appendFileSync(file, line.slice(40) + '\n');
    await until(() => session.findings.length > 0);
    expect(session.findings.map((f) => f.ruleId)).toEqual(['detect/cloudtrail-logging-stopped']);
    stop.abort();
    await done;
    expect(session.stats.malformed).toBe(0);
  });
});
