/** Severity levels, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Numeric rank: critical 4 … info 0. */
export function severityRank(s: Severity): number {
  return RANK[s];
}

/** True when `s` is at or above `threshold`. */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Parses a user-supplied severity (case-insensitive); undefined when it is not one. */
export function parseSeverity(value: string): Severity | undefined {
  const v = value.trim().toLowerCase();
  return isSeverity(v) ? v : undefined;
}

/**
 * GitHub code scanning orders alerts by `security-severity` (a CVSS-like score).
 * Values from DESIGN.md so that critical > high > medium > low sort as expected.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/** SARIF `level` per severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
