// Runs one fuzz family in a worker thread (see fuzz.test.ts): a crash is an exception reported back, a
// hang is the parent's timeout, a memory blow-up is the worker's heap limit. Uses the built dist/.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuiltinRules } from '../../dist/runtime/builtin-rules.js';
import { DetectSession } from '../../dist/runtime/session.js';
import { loadRuleText } from '../../dist/runtime/sigma/loader.js';
import { RecordSplitter } from '../../dist/runtime/sources/json-records.js';

const { family, seeds, count, seed } = workerData;
// Rule files are parsed by the YAML library (linear, but slow on huge files): smaller blow-ups keep the
// run short; records get the large ones (long strings, deep nesting, many keys).
const DUPS = family === 'rules' ? [2, 10, 200] : [2, 10, 1000, 20000];

// mulberry32: a fixed seed gives the same cases on every machine.
let state = seed >>> 0;
const rnd = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(rnd() * n);
const TOKENS = ['{', '}', '[', ']', '"', '\\', '\\"', ',', ':', '\n', 'null', '-1e999', '"Records":[', '\uFEFF', '\u202e', '*', '?', '|re', '|all', '|exists', '&a ', '*a', '!!binary ', '%', '(a+)+$', '---\n', '{"eventName":"StopLogging"}', '"eventName":"x",'];

/** One mutated copy of `input` (a few stacked byte-level and token-level edits). */
function mutate(input) {
  let b = Buffer.from(input);
  const edits = 1 + int(4);
  for (let e = 0; e < edits; e++) {
    const at = int(b.length + 1);
    switch (int(7)) {
      case 0: // flip a byte
        if (b.length) b[int(b.length)] ^= 1 << int(8);
        break;
      case 1: // insert a token
        b = Buffer.concat([b.subarray(0, at), Buffer.from(TOKENS[int(TOKENS.length)]), b.subarray(at)]);
        break;
      case 2: // delete a range
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + int(32)))]);
        break;
      case 3: // duplicate a range many times (nesting, long strings, repeated keys)
        {
          const len = 1 + int(16);
          const piece = b.subarray(at, at + len);
          const times = DUPS[int(DUPS.length)];
          b = Buffer.concat([b.subarray(0, at), Buffer.alloc(piece.length * times).fill(piece.length ? piece : Buffer.from('[')), b.subarray(at)]);
        }
        break;
      case 4: // truncate
        b = b.subarray(0, at);
        break;
      case 5: // random bytes
        b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(8) }, () => int(256))), b.subarray(at)]);
        break;
      default: // deep nesting
        b = Buffer.concat([b.subarray(0, at), Buffer.from('['.repeat(1 + int(family === 'rules' ? 500 : 5000))), b.subarray(at)]);
    }
  }
  return b;
}

const builtin = loadBuiltinRules().rules;
const events = seeds.events.map((f) => readFileSync(f));
const allEvents = Buffer.concat(events.flatMap((e) => [e, Buffer.from('\n')]));
const seedRules = family === 'rules' ? loadRuleText(readFileSync(seeds.rule, 'utf8'), 'seed.yml').rules : [];

function detect(rules, bytes, refused = []) {
  const session = new DetectSession(rules, { keep: true, refused });
  const splitter = new RecordSplitter((r) => session.record(r, 'fuzz'), 64 * 1024, session.screen);
  const chunk = 1 + int(4096);
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk));
  splitter.end();
  session.finish();
  return session;
}

let alerts = 0;
for (let i = 0; i < count; i++) {
  if (family === 'records') {
    const src = events[i % events.length];
    alerts += detect(builtin, mutate(src)).findings.length;
  } else {
    const text = mutate(readFileSync(seeds.rule)).toString('utf8');
    const loaded = loadRuleText(text, 'fuzz.yml');
    // The mutated rules (and the intact seed rule beside them, so that something fires) over every seed event.
    alerts += detect([...seedRules, ...loaded.rules], allEvents, loaded.problems).findings.length;
  }
}
parentPort.postMessage({ ok: true, alerts });
