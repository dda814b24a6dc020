/**
 * pnpm bench <suite> — prints figures, asserts nothing.
 *   gateways  Apollo Gateway vs Hive Gateway (JS and Rust planners) on one federated query
 *   figures   registry figures of a province and all its counties through the gateway, on 1 M
 *             entities and 100 k members, against a direct GROUP BY over the raw rows; then
 *             organizations' and markets' figures on the same database
 *   markets   markets' figures alone (40 k markets, 200 k vendors), on a database of their own
 *   import    rows per second importing a 10,000-row registration form; a zip bomb's refusal
 *   limits    time to refuse over-limit requests at the gateway and a subgraph
 */
import { benchFigures } from './bench/figures.js';
import { benchGateways } from './bench/gateways.js';
import { benchImport } from './bench/import.js';
import { benchLimits } from './bench/limits.js';
import { benchMarketFigures } from './bench/market-figures.js';
import { withScratchDatabase } from './bench/harness.js';

const suites: Record<string, () => Promise<void>> = {
  gateways: benchGateways,
  figures: benchFigures,
  import: benchImport,
  limits: benchLimits,
  markets: () => withScratchDatabase(benchMarketFigures),
};
const suite = suites[process.argv[2] ?? ''];
if (!suite) {
  console.error(`Usage: pnpm bench ${Object.keys(suites).join('|')}`);
  process.exit(1);
}
await suite();
