/**
 * The shape of a service fingerprint: plain data (see fingerprints.ts). A fingerprint names the requests
 * to send (relative to the target's base URL) and three kinds of response matchers:
 * - `open`: the answer itself proves the service did its work without credentials;
 * - `protected`: the answer names this service and says credentials are required;
 * - `present`: the answer names this service but says nothing about authentication
 *   (present + a 401/403/login redirect on another request of the same fingerprint = protected).
 */
import type { References, Severity } from '../core/model.js';
import type { Method } from './http.js';

export interface ProbeRequest {
  method: Method;
  /** Path relative to the target base, starting with `/`. */
  path: string;
  /** JSON-RPC body (POST, MCP handshake only). */
  json?: unknown;
  /** Sent only after the named request of the same fingerprint answered (MCP: tools/list after initialize). */
  after?: string;
  /** Request id inside the fingerprint, referenced by `after` and by matchers. */
  id: string;
}

export interface ResponseMatch {
  /** The request this matcher looks at. */
  request: string;
  /** Any of these statuses (default: any). */
  status?: number[];
  /** Header name → case-insensitive regex; every one must match. */
  headers?: Record<string, string>;
  /** Case-insensitive regexes over the body; every one must match. */
  body?: string[];
  /** Dotted paths that must exist in the JSON body (`data.0.id`, `result.serverInfo`). */
  json?: string[];
}

export interface Fingerprint {
  /** Short id; the rule id is `probe/<id>-unauthenticated`. */
  id: string;
  service: string;
  severity: Severity;
  title: string;
  description: string;
  remediation: string;
  references: References;
  requests: ProbeRequest[];
  open: ResponseMatch[];
  protected?: ResponseMatch[];
  present?: ResponseMatch[];
  /** Dotted JSON paths shown (redacted) as evidence when open; `*` walks arrays. */
  evidence?: string[];
  /** Open (and protected) count only when a `present` matcher also matched: the open answer alone is too plain. */
  requirePresent?: boolean;
  /** Generic fingerprints (OpenAI-compatible, /metrics) stand down when a specific one identified the target. */
  generic?: boolean;
  /** Where the response shapes came from (docs / source). */
  sources: string[];
}
