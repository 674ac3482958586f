/**
 * Runs one job in a fresh process for the memory part and reports its peak resident memory:
 * `tool <input> <output>` runs the command-line tool's main, `legacy` the old path,
 * `floor <input> <output>` ExcelJS's bare load and save. Prints `{"maxRssKiB": n}` as the last line on stderr.
 */
import { runFloor, runTool } from './cli';
import { runLegacy } from './legacy-cli';

async function go(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  if (mode === 'tool') await runTool(input, output);
  else if (mode === 'floor') await runFloor(input, output);
  else if (mode === 'legacy') await runLegacy(input, output);
  else throw new Error('usage: rss-child tool|legacy|floor <input> <output>');
  process.stderr.write('\n' + JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
}

go().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exitCode = 1;
});
