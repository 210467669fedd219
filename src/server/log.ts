/** Structured logs: one JSON object per line on stderr (containers collect it), no colours, no secrets. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(min: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return {
    log(level, msg, fields = {}) {
      if (RANK[level] < RANK[min]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
