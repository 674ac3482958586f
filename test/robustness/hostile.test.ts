/**
 * Hostile text, fuzzed: text that Excel or a CSV reader would take for a formula (`=`, `+`, `-`,
 * `@`, `=cmd|' /C calc'!A0`, DDE payloads) in leader names, sites, hazards, the title, a sheet
 * name and settings. Whatever `duty-check` writes keeps it text: the output package holds no
 * `<f>` element but the input's own, and the JSON report carries the exact strings.
 * Fixed seed (FUZZ_SEED overrides it), printed by fast-check on failure.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { isNoHazard } from '../../src/core/clean/hazards';
import { parts, sheetXmls } from '../xlsx/helpers/package';
import { buildRawXlsx } from '../cli/helpers/raw-xlsx';
import { AS_OF, LEADER_ROWS, LOG_HEADER, LOG_ROWS, MONTH, SCHEDULE_HEADER, date } from './corpus';

const SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) : 20190802;
export const HOSTILE_RUNS = 20 * Number(process.env.FUZZ_RUNS_SCALE || 1);

const PAYLOADS = ["=cmd|' /C calc'!A0", '=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("http://example.com","点我")', "=DDE(\"cmd\";\"/C calc\";\"A0\")", '-2+3+cmd|\' /C calc\'!A0', '@'];
const TAIL_CHARS = '=+-@|!\'"()/ ACDEFLSUMcdmx0123456789王李东村隐患、'.split('');
const tail = fc.array(fc.constantFrom(...TAIL_CHARS), { maxLength: 12 }).map((cs) => cs.join('').trim());

/** A formula-like text without surrounding white space (the tool trims cells). */
const hostile = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.constantFrom('=', '+', '-', '@'), tail).map(([p, t]) => p + t),
);

/** A sheet name Excel accepts: at most 31 characters, none of [ ] : \ / ? *, no ' at either end. */
const sheetName = hostile.map((h) => h.replace(/[[\]:\\/?*]/g, '').replace(/^'+|'+$/g, '').slice(0, 28) || '=').map((h) => (h.endsWith("'") ? h + 'x' : h));

async function formulaCounts(buffer: Buffer): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [name, xml] of sheetXmls(await parts(buffer))) out.set(name, (xml.match(/<(?:\w+:)?f[\s>/]/g) || []).length);
  return out;
}

test('formula-like text stays text in the output workbook and the JSON', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-hostile-'));
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ leader: hostile, site: hostile, hazard: hostile, title: hostile, sheet: sheetName, setting: hostile }),
        async (h) => {
          n++;
          const input = path.join(dir, 'in' + n + '.xlsx');
          const buffer = await buildRawXlsx([
            {
              name: '安排表',
              rows: [[h.title], SCHEDULE_HEADER, ...LEADER_ROWS, [h.leader, '副镇长', h.setting, '负责“' + h.site + '”']],
            },
            {
              name: '检查记录',
              rows: [LOG_HEADER, ...LOG_ROWS, [date(2019, 8, 12), h.leader, h.site, h.hazard, '2019-08-20'], [date(2019, 8, 13), '李明', '西站加油站', h.hazard]],
            },
            { name: h.sheet === '安排表' || h.sheet === '检查记录' ? h.sheet + '1' : h.sheet, rows: [[h.title, h.hazard], [{ t: 'f', f: 'SUM(1,2)', v: 3 }]] },
            { name: '规则设置', rows: [['项目', '值'], ['别名', h.setting + '=王海'], ['主要领导', h.setting], ['安委成员单位', h.setting]] },
          ]);
          fs.writeFileSync(input, buffer);
          let stderr = '';
          const outcome = await run([input, '--month', MONTH, '--as-of', AS_OF, '--out', path.join(dir, 'out' + n + '.xlsx'), '--json', path.join(dir, 'out' + n + '.json')], {
            stdout: () => undefined,
            stderr: (t) => (stderr += t),
            env: {},
            cwd: dir,
          });
          expect(stderr).toBe('');
          expect(outcome.exitCode).toBe(0);

          const before = await formulaCounts(buffer);
          const after = await formulaCounts(fs.readFileSync(path.join(dir, 'out' + n + '.xlsx')));
          for (const [name, count] of after) expect([name, count]).toEqual([name, name.startsWith('履职汇总') ? 0 : before.get(name)]);

          const report = JSON.parse(fs.readFileSync(path.join(dir, 'out' + n + '.json'), 'utf8'));
          const hazards: string[] = report.hazards.map((x: { hazard: string }) => x.hazard);
          // Dashes alone (-, --, -!) mean 无隐患 (SPEC §2); anything else is a hazard, kept verbatim.
          if (!isNoHazard(h.hazard)) expect(hazards).toContain(h.hazard);
          for (const x of report.hazards) expect(typeof x.hazard).toBe('string');
          for (const x of report.problems) expect(typeof x.message).toBe('string');
        },
      ),
      { seed: SEED, numRuns: HOSTILE_RUNS },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120000);
