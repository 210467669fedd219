import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import { inlineSuppressions } from '../../src/suppress/index.js';
import { sampleRules } from '../support/sample-report.js';

const [openai, pickle] = sampleRules;
const at = (line: number, rule = openai) => makeFinding(rule, { location: { path: 'a.py', startLine: line }, message: 'm' });

describe('inline aigis-ignore', () => {
  it('silences the rule on the same line and on the line below the comment', () => {
    const text = ['key = "x"  # aigis-ignore: secret/openai-api-key', '// aigis-ignore: secret/openai-api-key', 'other = "y"', 'third = "z"'].join('\n');
    const r = inlineSuppressions([at(1), at(3), at(4)], text);
    expect(r.suppressed.map((s) => s.finding.location.startLine)).toEqual([1, 3]);
    expect(r.suppressed[0]).toMatchObject({ by: 'inline', reason: 'inline aigis-ignore on line 1' });
    expect(r.kept.map((f) => f.location.startLine)).toEqual([4]);
  });

  it('keeps the reason written after the ids', () => {
    const text = ['k = 1  # aigis-ignore: secret/openai-api-key revoked demo key', 'x', '<!-- aigis-ignore: secret/* — docs sample -->', 'y'].join('\n');
    const r = inlineSuppressions([at(1), at(4)], text);
    expect(r.suppressed.map((s) => s.reason)).toEqual(['revoked demo key (aigis-ignore on line 1)', 'docs sample (aigis-ignore on line 3)']);
  });

  it('accepts comma lists and domain wildcards, and leaves other rules alone', () => {
    const text = '# aigis-ignore: model/pickle-unsafe-global, secret/*\nx\n';
    expect(inlineSuppressions([at(2), at(2, pickle)], text).kept).toEqual([]);
    const onlyModel = inlineSuppressions([at(2)], '# aigis-ignore: model/*\nx\n');
    expect(onlyModel.kept).toHaveLength(1);
  });

  it('has no catch-all: "all" does not silence a rule', () => {
    expect(inlineSuppressions([at(1)], 'k # aigis-ignore: all\n').kept).toHaveLength(1);
  });

  it('keeps everything when the text has no marker or the finding has no line', () => {
    const f = [at(1)];
    expect(inlineSuppressions(f, 'nothing here').kept).toEqual(f);
    expect(inlineSuppressions(f, undefined).kept).toEqual(f);
    const noLine = makeFinding(openai, { location: { path: 'a.py' }, message: 'm' });
    expect(inlineSuppressions([noLine], '# aigis-ignore: secret/*').kept).toEqual([noLine]);
  });
});
