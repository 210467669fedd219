/** A target that cannot be opened at all (missing path, not a file or directory): exit code 2. */
export class TargetError extends Error {}
