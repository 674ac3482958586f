/**
 * Property: whatever the log holds, the output workbook's values, formulas, widths and merges are
 * exactly the input's. Random small logs with real dates, text dates, garbage, joint inspections,
 * unknown names and formula-like text. fast-check prints the seed and the shrunk case on failure.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { readBack, snapshotWorkbook } from './helpers/snapshot';
import { townshipWorkbook, utc } from './helpers/township';
import type { LogLine } from './helpers/township';

const dateCell = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((d) => utc(2019, 8, Math.min(d, 31)) as LogLine[0]),
  fc.integer({ min: 1, max: 12 }).map((m) => utc(2019, m, 15) as LogLine[0]),
  fc.constantFrom('2019年8月3日', '2019.8.5', '8月12日', '2019/8/32', '昨天', '', '#N/A', '43680'),
  fc.integer({ min: -5, max: 3000000 }),
);
const leaderCell = fc.constantFrom('王海', '王  海', '李明、赵刚', '赵刚 李明', '不认识', '', '=1+1', '李明同志');
const textCell = fc.oneof(
  fc.constantFrom('东村', '西站加油站', '南山矿业有限公司', "=cmd|' /C calc'!A0", '+1', '@x', '无', ''),
  fc.string({ maxLength: 12 }),
);
const deadlineCell = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 }).map((d) => utc(2019, 9, d) as LogLine[4]), fc.constantFrom('立即整改', '月底'));
const logLine: fc.Arbitrary<LogLine> = fc.tuple(dateCell, leaderCell, textCell, textCell, deadlineCell, fc.oneof(fc.constant(null), fc.constant(utc(2019, 8, 20) as LogLine[5])));

test('the output keeps every value of the input, for any small log', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-prop-'));
  try {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(logLine, { minLength: 0, maxLength: 12 }), async (log) => {
        n++;
        const input = path.join(dir, 'in' + n + '.xlsx');
        fs.writeFileSync(input, await townshipWorkbook({ log }));
        const outcome = await run([input, '--month', '2019-08', '--as-of', '2019-09-02', '--out', path.join(dir, 'out' + n + '.xlsx')], {
          stdout: () => undefined,
          stderr: () => undefined,
          cwd: dir,
        });
        expect(outcome.exitCode).toBe(0);
        const before = snapshotWorkbook(await readBack(fs.readFileSync(input)));
        const after = snapshotWorkbook(await readBack(fs.readFileSync(path.join(dir, 'out' + n + '.xlsx'))), (name) => !name.startsWith('履职汇总'));
        expect(after).toEqual(before);
      }),
      { numRuns: 25 },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180000);
