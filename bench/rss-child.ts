/**
 * Runs one job in a fresh process for the memory part and reports its peak resident memory:
 * `tool <input> <output>` runs the command-line tool's main, `floor <input> <output>` ExcelJS's
 * bare load and save. Prints `{"maxRssKiB": n}` as the last line on stderr.
 */
import { runFloor, runTool } from './cli';

async function go(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  if (mode === 'tool') await runTool(input, output);
  else if (mode === 'floor') await runFloor(input, output);
  else throw new Error('usage: rss-child tool|floor <input> <output>');
  process.stderr.write('\n' + JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
}

go().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exitCode = 1;
});
