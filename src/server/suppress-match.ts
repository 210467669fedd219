/**
 * Server-side suppressions use the `.aigisignore` semantics of src/suppress: a rule id or domain glob
 * (`secret/*`), an optional path glob, an optional fingerprint, a reason and an expiry date. Matching
 * runs in JS (the path globs are picomatch-like, not SQL LIKE), at upload and when a suppression changes.
 */
import { compilePathGlob, ruleMatches } from '../suppress/index.js';

export interface SuppressionRow {
  id: number;
  project_id: number | null;
  rule: string;
  path: string | null;
  fingerprint: string | null;
  reason: string;
  expires: string | null;
}

export interface Matchable {
  fingerprint: string;
  ruleId: string;
  path?: string | null;
}

export function suppressionMatcher(rows: SuppressionRow[]): (f: Matchable) => number | null {
  const compiled = rows.map((s) => ({ id: Number(s.id), rule: s.rule, fp: s.fingerprint, path: s.path ? compilePathGlob(s.path) : undefined }));
  return (f) => {
    for (const s of compiled) {
      if (!ruleMatches(s.rule, f.ruleId)) continue;
      if (s.fp && s.fp !== f.fingerprint) continue;
      if (s.path && !(f.path && s.path(f.path))) continue;
      return s.id;
    }
    return null;
  };
}

/** Live suppressions for a project (its own and the organisation-wide ones). */
export const LIVE_SUPPRESSIONS_SQL = `SELECT id, project_id, rule, path, fingerprint, reason, to_char(expires, 'YYYY-MM-DD') AS expires FROM suppressions
  WHERE revoked_at IS NULL AND (expires IS NULL OR expires >= CURRENT_DATE) AND (project_id IS NULL OR project_id = $1) ORDER BY id`;
