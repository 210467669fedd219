/**
 * Vulnerability reports of another scanner (Trivy or Grype JSON) about a container image, reduced to
 * what aigis joins with its own model: which image, and which operating-system packages in it have
 * which advisories. Everything here comes from a file the user named, but is still parsed as
 * untrusted input: types checked, strings clipped, counts capped.
 */
import type { Severity } from '../../core/model.js';

export interface ImageIdentity {
  /** References as written (`vllm/vllm-openai:v0.6.3`, `ghcr.io/x/y@sha256:…`). */
  refs: string[];
  /** Bare digests (`sha256:…`): image id, manifest and repo digests. */
  digests: string[];
}

export interface ImportedVuln {
  /** CVE, GHSA, DSA … as the scanner gives it. */
  id: string;
  aliases: string[];
  pkg: string;
  installed: string;
  fixed?: string;
  severity: Severity;
  title?: string;
  /** `deb`, `rpm`, `apk` … or the OS family (`debian 12.7`). */
  pkgType?: string;
  urls: string[];
  /** Weakness ids the scanner gives (`CWE-787`), so that path rules can tell code execution from a leak. */
  cwe: string[];
}

export interface ImportedReport {
  scanner: 'trivy' | 'grype';
  /** The file as named on the command line (messages, unmatched findings). */
  file: string;
  image: ImageIdentity;
  vulns: ImportedVuln[];
  /** Language-package matches skipped (aigis matches those itself). */
  skippedNonOs: number;
  /** Matches dropped past MAX_VULNS. */
  dropped: number;
}

/** Longest string kept from a report field. */
export const MAX_FIELD = 300;
/** Advisories kept per report (an old full-distribution image has a few thousand). */
export const MAX_VULNS = 20_000;

export function str(v: unknown, max = MAX_FIELD): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function strings(v: unknown, maxItems = 20): string[] {
  if (!Array.isArray(v)) return [];
  return v.slice(0, maxItems).map((x) => str(x)).filter((x): x is string => x !== undefined);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Trivy `CRITICAL`, Grype `Critical`, `Negligible`, `Unknown` → aigis severities. */
export function severityOf(v: unknown): Severity {
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  if (s === 'critical' || s === 'high' || s === 'medium' || s === 'low') return s;
  return 'info';
}

/** Only web links from an imported report (no javascript:, file: …). */
export function webUrls(v: unknown[]): string[] {
  return [...new Set(v.filter((u): u is string => typeof u === 'string' && /^https:\/\/[^\s<>"]+$/.test(u) && u.length <= 500))].slice(0, 3);
}
