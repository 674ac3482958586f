/**
 * The adapter's size budget against the real wire: for every write sync the adapter sends, its
 * estimate (src/excel/budget.ts, kept in `sentEstimates`) against the JSON Microsoft's client
 * really sent, measured by the RichApi host. An estimate below the real request would let a write
 * pass Excel on the web's 5 MB limit while the adapter thinks it fits (then refused, halved,
 * resent); one far above it costs syncs for nothing.
 */
import { checkCompliance, clearMarks, forgetSheetNames, writeMonthlySummary } from '../../src/excel';
import { sentEstimates, WRITE_BUDGET_BYTES } from '../../src/excel/budget';
import { createSim, installGlobals, type SimSheetInit } from '../sim';
import { AS_OF, bigLog, MONTH, township } from '../excel/fixture';
import { realClient, type RealClient } from './client';
import { RichApiHost } from './host';

const opts = { month: MONTH, asOf: AS_OF };
/** Excel on the web's limit on one request. */
const LIMIT = 5 * 1024 * 1024;

let client: RealClient;
beforeAll(() => {
  client = realClient();
});

function longHazards(rows: number): SimSheetInit[] {
  const sheets = bigLog(rows);
  for (const row of sheets[1].values.slice(1)) if (String(row[3]) !== '无') row[3] = String(row[3]) + '：' + '消防通道被杂物堵塞，灭火器压力不足，应急照明损坏，'.repeat(100);
  return sheets;
}

interface WriteSync {
  command: string;
  estimate: number;
  real: number;
}

/** Runs 检查合规, 月度汇总 and 清除标记 through the real client; every write sync's estimate and real size. */
async function writes(sheets: SimSheetInit[], apiVersion: string): Promise<{ writes: WriteSync[]; refused: number }> {
  const sim = createSim({ sheets, apiVersion, limitBytes: LIMIT });
  const host = new RichApiHost(sim.host);
  client.connect(host, apiVersion, sim.Office.context.document.settings);
  const done = installGlobals({ ...sim, Excel: client.Excel as unknown as typeof sim.Excel, Office: client.Office as unknown as typeof sim.Office });
  forgetSheetNames();
  const out: WriteSync[] = [];
  try {
    for (const [command, run] of [
      ['检查合规', () => checkCompliance(opts)],
      ['月度汇总', () => writeMonthlySummary(opts)],
      ['清除标记', () => clearMarks()],
    ] as Array<[string, () => Promise<{ ok: boolean }>]>) {
      sentEstimates.length = 0;
      expect((await run()).ok).toBe(true);
      // The write syncs are the command's last ones.
      const real = sim.stats.requestBytes.slice(sim.stats.requestBytes.length - sentEstimates.length);
      sentEstimates.forEach((estimate, i) => out.push({ command, estimate, real: real[i] }));
    }
    return { writes: out, refused: sim.stats.errors.filter((e) => e === 'RequestPayloadSizeLimitExceeded').length };
  } finally {
    done();
  }
}

test.each<[string, () => SimSheetInit[], string[], string | null]>([
  ['the township workbook', () => township(), ['1.1', '1.7', '1.9', '1.13'], null],
  // One range per block below 1.9: about 1 kB of request per colour run, so 14,000 rows pass 4.6 MB.
  ['a 14,000-row log below 1.9: the write of 检查合规 passes 4.6 MB and is cut', () => bigLog(14000), ['1.7'], '检查合规'],
  ['a summary that would pass 5 MB (long hazard texts): 月度汇总 is cut', () => longHazards(3000), ['1.13'], '月度汇总'],
])('%s: every write estimated at 0.95–1.4 × its real JSON, none refused', async (_name, make, levels, cut) => {
  for (const apiVersion of levels) {
    const { writes: list, refused } = await writes(make(), apiVersion);
    expect(refused).toBe(0);
    expect(list.length).toBeGreaterThanOrEqual(3);
    if (cut) expect(list.filter((w) => w.command === cut).length).toBeGreaterThan(1);
    // Listed when wrong, so a failure shows which write, at which level, by how much.
    const wrong = list.filter((w) => w.estimate < 0.95 * w.real || w.estimate > 1.4 * w.real || w.real > LIMIT || w.estimate > WRITE_BUDGET_BYTES + 60000);
    expect(wrong.map((w) => ({ apiVersion, ...w, ratio: Math.round((w.estimate / w.real) * 100) / 100 }))).toEqual([]);
  }
}, 120000);
