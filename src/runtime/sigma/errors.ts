/** A construct of a Sigma rule that aigis does not implement; the message names it precisely. */
export class SigmaUnsupportedError extends Error {
  constructor(public readonly construct: string, detail?: string) {
    super(`unsupported Sigma construct: ${construct}${detail ? ` (${detail})` : ''}`);
  }
}

/** A rule that is not valid Sigma (missing detection, unknown identifier in the condition …). */
export class SigmaSyntaxError extends Error {}
