// Runs one aigis detection over one file with the compiled dist/ and prints {events, alerts, ms, maxRssMiB}.
// Used by bench/detect.mjs so that each measurement has its own process (peak RSS is per process).
import { loadBuiltinRules } from '../dist/runtime/builtin-rules.js';
import { DetectSession } from '../dist/runtime/session.js';
import { loadRulePath } from '../dist/runtime/sigma/loader.js';
import { fileInput } from '../dist/runtime/sources/inputs.js';
import { readInput } from '../dist/runtime/sources/read.js';

const [file, sigmaDir] = process.argv.slice(2);
const rules = [...loadBuiltinRules().rules, ...(sigmaDir ? loadRulePath(sigmaDir).rules : [])];
const started = performance.now();
const cpu0 = process.cpuUsage();
// Alerts are counted, not kept (as `aigis detect -f jsonl` streams them), so memory reflects the engine.
const session = new DetectSession(rules, { keep: false });
await readInput(session, fileInput(file));
session.finish();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  JSON.stringify({ events: session.stats.events, alerts: Object.values(session.counts).reduce((a, b) => a + b, 0), rules: rules.length, ms, cpuMs, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
