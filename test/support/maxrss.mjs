// Preloaded into a CLI child (`node --import`) by tests that bound memory: writes the process's peak
// resident set size (KiB, worker threads included) to $AIGIS_MAXRSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.AIGIS_MAXRSS_FILE) writeFileSync(process.env.AIGIS_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
