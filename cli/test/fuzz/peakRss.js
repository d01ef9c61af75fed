'use strict';
// Preloaded into a command under test (`node -r peakRss.js cli/bin/cchc.js …`): as the process ends, its peak
// resident set in kilobytes (worker threads included: they share the process) goes to $CCHC_PEAK_RSS_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.CCHC_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
