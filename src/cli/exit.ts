/** Exit codes of every command (the CI contract): 0 clean, 1 findings at/above --fail-on, 2 usage or tool error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** A usage or tool error that ends the command with exit code 2 and a one-line message. */
export class CliError extends Error {}
