/**
 * Prometheus text exposition (format 0.0.4), hand-written: a few counters and one histogram do not
 * justify a client library. Label values are escaped as the format requires.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function labels(l: Record<string, string>): string {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export class Metrics {
  private counters = new Map<string, { help: string; values: Map<string, number> }>();
  private hist = new Map<string, { counts: number[]; sum: number; count: number }>();
  readonly started = Date.now();

  inc(name: string, help: string, l: Record<string, string> = {}, by = 1): void {
    let c = this.counters.get(name);
    if (!c) this.counters.set(name, (c = { help, values: new Map() }));
    const key = labels(l);
    c.values.set(key, (c.values.get(key) ?? 0) + by);
  }

  observe(route: string, seconds: number): void {
    const key = labels({ route });
    let h = this.hist.get(key);
    if (!h) this.hist.set(key, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.counts[i]++;
    });
    h.sum += seconds;
    h.count++;
  }

  render(gauges: Record<string, { help: string; value: number }> = {}): string {
    const out: string[] = [];
    for (const [name, c] of [...this.counters].sort()) {
      out.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [l, v] of [...c.values].sort()) out.push(`${name}${l} ${v}`);
    }
    const h = 'aigis_http_request_duration_seconds';
    out.push(`# HELP ${h} Time to answer an HTTP request, by route.`, `# TYPE ${h} histogram`);
    for (const [l, v] of [...this.hist].sort()) {
      const inner = l.slice(1, -1);
      BUCKETS.forEach((b, i) => out.push(`${h}_bucket{${inner},le="${b}"} ${v.counts[i]}`));
      out.push(`${h}_bucket{${inner},le="+Inf"} ${v.count}`, `${h}_sum${l} ${v.sum}`, `${h}_count${l} ${v.count}`);
    }
    for (const [name, g] of Object.entries(gauges)) out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
    return `${out.join('\n')}\n`;
  }
}
