/**
 * One story on every surface (issue 18): the terminal, the summary sheet and the JSON report
 * count the same data problems (the terminal said 4 where the summary listed 5: a hazard without
 * a deadline is a data problem too).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dataProblems, layoutSummary } from '../../src/core';
import { run } from '../../src/cli/main';

const SAMPLE = path.resolve(__dirname, '..', '..', 'samples', '大栗港镇-2019.xlsx');

test('the sample: 数据问题 and the colour counts in the terminal = the summary = the JSON report', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counts-'));
  try {
    let stdout = '';
    const outcome = await run([SAMPLE, '--month', '2019-08', '--as-of', '2019-09-02', '--out', 'o.xlsx', '--json', 'o.json'], {
      cwd: dir,
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      isTTY: false,
      env: {},
    });
    expect(outcome.exitCode).toBe(0);
    const result = outcome.result!;
    const listed = dataProblems(result);
    // The sample has a hazard without a deadline besides the cells that could not be read.
    expect(listed.length).toBeGreaterThan(result.problems.length);

    const layout = layoutSummary(result.summary);
    const titleRow = layout.values.findIndex((r) => /^[一二三四五六七八九]、数据问题/.test(String(r[0])));
    let rows = 0;
    for (let r = titleRow + 2; r < layout.values.length && layout.values[r][0] !== ''; r++) rows++;
    expect(rows).toBe(listed.length);

    expect(stdout).toContain('数据问题：' + listed.length + ' 处');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'o.json'), 'utf8'));
    expect(json.problems).toHaveLength(listed.length);
    expect(json.problems.map((p: { code: string }) => p.code)).toContain('missing-deadline');
    // The colour counts: the terminal's 行标色 line, the summary's table 五 title and the JSON rows.
    const byColour: Record<string, number> = { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 };
    for (const r of json.rows as Array<{ colour: string }>) byColour[r.colour]++;
    const line = '红色 ' + byColour.red + ' 行 · 橙色 ' + byColour.orange + ' 行 · 黄色 ' + byColour.yellow + ' 行 · 绿色 ' + byColour.green + ' 行 · 灰色 ' + byColour.grey + ' 行';
    expect(stdout).toContain('行标色：' + line + '（共 ' + json.rows.length + ' 行）');
    expect(layout.values.map((r) => String(r[0]))).toContain('五、标色的行及原因（共 ' + json.rows.length + ' 行：' + line + '）');
    // Every grey row is one of them.
    const greyRows = result.rows.filter((r) => r.colour === 'grey').map((r) => r.sheet + '!' + r.row).sort();
    expect(greyRows).toEqual(listed.filter((p) => p.row > 0).map((p) => p.sheet + '!' + p.row).sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
