/**
 * One word for each idea on every surface (issue 18): 截至日期 for the as-of date (截止 is kept for
 * deadlines), and 进度偏慢, not 临期, for meetings behind the quarterly pace.
 */
import { checkWorkbook, layoutSummary } from '../../src/core';
import type { CheckResult } from '../../src/core/types';
import { seedSchedule } from '../helpers/seed';

function check(asOf: string, month: string): CheckResult {
  const out = checkWorkbook(
    {
      sheets: [
        seedSchedule(),
        { name: '检查记录', values: [['检查日期', '带队领导', '检查地点'], ['2019-08-05', '郭环球', '刘家村'], ['2019-12-05', '熊丹', '童子山村']] },
        // One leadership meeting on safety by the end of September: behind the pace of 3 quarters.
        { name: '会议记录', values: [['日期', '会议名称', '议题'], ['2019-03-01', '党委会', '安全生产'], ['2019-06-01', '党委会', '安全生产'], ['2019-07-01', '党委会', '安全生产'], ['2019-05-01', '班子会议', '安全生产']] },
      ],
    },
    { asOf, month },
  );
  if (!out.ok) throw new Error(out.error.message);
  return out.result;
}

test('a meeting count behind the quarterly pace is 进度偏慢 on the summary sheet, not 临期', () => {
  const result = check('2019-10-08', '2019-09');
  const leadership = result.meetings!.find((m) => m.kind === 'leadership')!;
  expect(leadership.status).toBe('due-soon');
  const cells = layoutSummary(result.summary).values.map((row) => row.join('|'));
  expect(cells.filter((row) => row.indexOf('班子会') === 0)).toEqual([expect.stringContaining('|进度偏慢|')]);
  expect(cells.join('\n')).not.toMatch(/班子会[^\n]*临期/);
});

test('the as-of date is 截至日期 in every message; 核查日 and 截止日期 are not used for it', () => {
  const result = check('2019-09-02', '2019-08');
  const all = [
    ...result.rows.map((r) => r.message),
    ...result.problems.map((p) => p.message),
    ...layoutSummary(result.summary).values.map((row) => row.join(' ')),
  ].join('\n');
  expect(all).toContain('晚于截至日期2019-09-02'); // the December row
  expect(all).toContain('截至日期：');
  expect(all).not.toContain('核查日');
  expect(all).not.toMatch(/(^|[^整改])截止日期/);
});

test('no text a clerk reads calls the as-of date 截止日期 or 核查日: pane, ribbon, manifest, messages, rule descriptions, docs', () => {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const root = path.resolve(__dirname, '..', '..');
  const files: string[] = ['manifest.xml', 'README.md'];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const rel = path.join(dir, name);
      if (fs.statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|html|md)$/.test(name)) files.push(rel);
    }
  };
  walk('src');
  walk('docs');
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    text.split('\n').forEach((line, i) => {
      // 整改截止日期 is a header word of the log (a deadline), and the date parser reads 截止 in a deadline cell.
      if (/核查日|(^|[^整改])截止日期/.test(line)) found.push(file + ':' + (i + 1) + ': ' + line.trim());
    });
  }
  expect(found).toEqual([]);
});
