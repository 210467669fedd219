/**
 * `--upload URL` of scan, bom and detect: POSTs the aigis JSON report to an `aigis serve` instance with
 * the token from AIGIS_TOKEN. The URL names the project (`https://aigis.example/api/v1/reports?project=
 * my-service`; a bare server URL gets the reports path). The token never travels over plain HTTP to
 * another machine: http:// is accepted for loopback only.
 */
import { CliError } from './exit.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks the URL and that a token is set, so that a bad upload setting fails before the scan runs. */
export function uploadTarget(raw: string, env: NodeJS.ProcessEnv = process.env): URL {
  if (!env.AIGIS_TOKEN) throw new CliError('--upload needs a token in the AIGIS_TOKEN environment variable (an uploader token for the project)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`--upload: "${raw}" is not a URL (e.g. https://aigis.example/api/v1/reports?project=my-service)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError('--upload: the URL must be https:// (or http:// to a loopback address)');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw new CliError(`--upload: refusing to send AIGIS_TOKEN over plain http to ${url.hostname}; use https://`);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/api/v1/reports';
  if (!url.searchParams.get('project')) throw new CliError('--upload: name the project in the URL, e.g. https://aigis.example/api/v1/reports?project=my-service');
  if (url.username || url.password) throw new CliError('--upload: put the token in AIGIS_TOKEN, not in the URL');
  return url;
}

export interface UploadResult {
  reportId: number;
  duplicate: boolean;
}

export async function uploadReport(raw: string, body: string, env: NodeJS.ProcessEnv = process.env, quiet = false): Promise<UploadResult> {
  const url = uploadTarget(raw, env);
  const token = env.AIGIS_TOKEN!;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, signal: AbortSignal.timeout(120_000) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`upload to ${url.origin} failed: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const text = await res.text();
  let answer: Record<string, unknown> = {};
  try {
    answer = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: reported below by status
  }
  if (!res.ok) throw new CliError(`upload to ${url.origin} refused (HTTP ${res.status}): ${typeof answer.error === 'string' ? answer.error : text.slice(0, 200)}`);
  const result = { reportId: Number(answer.reportId), duplicate: answer.duplicate === true };
  if (!quiet) process.stderr.write(`aigis: uploaded to ${url.origin} project ${url.searchParams.get('project')}: report #${result.reportId}${result.duplicate ? ' (already stored)' : ''}\n`);
  return result;
}
