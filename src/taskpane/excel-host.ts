/**
 * The pane's host inside Excel: every command goes to the adapter (src/excel) and its outcome
 * becomes the text the clerk reads.
 */
import type { AddinError, AddinOutcome } from '../excel';
import { checkCompliance, clearMarks, mergedCellsHint, selectRow, writeMonthlySummary } from '../excel';
import type { HostOutcome, PaneHost } from './host';
import { countsOf, countsText, groupItems } from './render';

/** The adapter never throws by contract; this only guards against a bug turning into a blank pane. */
function unexpected(err: unknown): AddinError {
  const text = err && typeof err === 'object' && 'message' in err ? String((err as Error).message) : String(err);
  return { code: 'host', message: '加载项遇到了意外错误，操作没有完成。请关闭面板后重试；如果仍然出错，请把技术详情告诉维护人员。', detail: text };
}

async function guarded<T, U>(work: () => Promise<AddinOutcome<T>>, done: (value: T) => U): Promise<HostOutcome<U>> {
  let outcome: AddinOutcome<T>;
  try {
    outcome = await work();
  } catch (err) {
    outcome = { ok: false, error: unexpected(err) };
  }
  return outcome.ok ? { ok: true, value: done(outcome.value) } : { ok: false, error: outcome.error };
}

export const excelHost: PaneHost = {
  kind: 'excel',
  check: (options) =>
    guarded(
      () => checkCompliance(options),
      (value) => ({
        result: value.result,
        message:
          '检查完成，已为 ' + value.result.rows.length + ' 行标上颜色：' + countsText(countsOf(groupItems(value.result))) + '。点击下面的条目可跳到对应的行。' +
          mergedCellsHint(value.result, value.mergedCellsRead),
      }),
    ),
  summary: (options) =>
    guarded(
      () => writeMonthlySummary(options),
      (value) => ({
        result: value.result,
        message: '已生成“' + value.sheetName + '”工作表' + (value.chart ? '（含图表）' : '') + '，并已切换到该表。行的颜色没有改动；需要标色请点“检查合规”。',
      }),
    ),
  clear: () =>
    guarded(
      () => clearMarks(),
      (value) => ({ message: value.restoredCells > 0 ? '已恢复 ' + value.restoredCells + ' 个单元格检查前的格式。' : '没有需要清除的标记。' }),
    ),
  select: (target) =>
    guarded(
      () => selectRow(target.sheet, target.row, target.firstColumn, target.lastColumn),
      () => null,
    ),
};
