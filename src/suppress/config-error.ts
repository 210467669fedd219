/**
 * A broken ignore file or config: the CLI turns it into exit 2 with this message. In a module of its
 * own so that callers can recognise it without loading the YAML parser (see cli/scan-settings.ts).
 */
export class SuppressionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionConfigError';
  }
}
