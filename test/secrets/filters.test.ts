import { describe, expect, it } from 'vitest';
import { charClasses, hasRepeatedChunk, hasSequence, insideBase64Blob, looksLikeWords, rejectReason, shannonEntropy } from '../../src/secrets/filters.js';
import { KeywordAutomaton } from '../../src/secrets/prefilter.js';
import { KeyGen, prng } from './fake-keys.js';

describe('filters', () => {
  it('entropy and classes', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(charClasses('abc')).toBe(1);
    expect(charClasses('aB3')).toBe(3);
  });

  it('sequences, repeats and periodic text', () => {
    expect(hasSequence('xx123456yy')).toBe(true);
    expect(hasSequence('xxFEDCBAyy')).toBe(true);
    expect(hasSequence('x12345y')).toBe(false);
    expect(rejectReason('a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6', { entropy: 3 })).toBe('sequence');
    expect(hasRepeatedChunk('A1b2C3d4zzA1b2C3d4')).toBe(true);
    expect(hasRepeatedChunk('A1b2C3d4zzA1b2C3d5')).toBe(false);
  });

  it('rejects placeholders and fixtures, accepts random keys', () => {
    const g = new KeyGen(3);
    expect(rejectReason('your_api_key_here_0000', { entropy: 3 })).toBe('placeholder');
    expect(rejectReason('AKIAIOSFODNN7EXAMPLE', { entropy: 3 })).toBe('example');
    expect(rejectReason('qqqqqqqqqqqqqqqq', { entropy: 3 })).toBe('repeated');
    expect(rejectReason('AutoModelForSequenceClassification', { entropy: 3 })).toBe('words');
    expect(rejectReason('ab12ab34ab56ab78ab90', { entropy: 3.5 })).toBe('entropy');
    let rejected = 0;
    for (let i = 0; i < 2000; i++) if (rejectReason(g.key('ghp').slice(4), { entropy: 4, classes: 2 })) rejected++;
    // A few random keys contain a word such as "test" by chance; the rate must stay well under 1 %.
    expect(rejected).toBeLessThan(10);
  });

  it('base64 blobs', () => {
    const blob = `data:image/png;base64,${'Ab+/'.repeat(20)}AIzaXXXX${'Ab+/'.repeat(20)}`;
    const at = blob.indexOf('AIza');
    expect(insideBase64Blob(blob, at, at + 8)).toBe(true);
    const plain = 'key = "AIzaXXXX";';
    expect(insideBase64Blob(plain, 7, 15)).toBe(false);
  });

  it('word detector is rare on random letters', () => {
    const g = new KeyGen(11);
    let hits = 0;
    for (let i = 0; i < 5000; i++) if (looksLikeWords(g.key('hf').slice(3))) hits++;
    expect(hits).toBeLessThan(3);
  });
});

describe('keyword automaton', () => {
  it('finds the same keywords as a naive case-insensitive search', () => {
    const keywords = ['sk-proj-', 'hf_', 'AKIA', 'mistral', 'akiaz', 'api.wandb.ai', 'a'];
    const ac = new KeywordAutomaton(keywords);
    const rand = prng(5);
    const alphabet = 'sk-projhf_AKIAZmistrlapi.wndbX';
    for (let t = 0; t < 300; t++) {
      const len = Math.floor(rand() * 60);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const naive = new Set(keywords.map((k, i) => (s.toLowerCase().includes(k.toLowerCase()) ? i : -1)).filter((i) => i >= 0));
      expect(ac.find(Buffer.from(s)), s).toEqual(naive);
    }
  });
});
