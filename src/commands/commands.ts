/**
 * The ribbon's function commands (manifest: ExecuteFunction runCheck / writeSummary / clearMarks).
 * They call the same adapter functions as the task pane and always call event.completed().
 *
 * Making the outcome visible without a window of our own (Excel has no add-in notifications):
 * - 检查合规 colours the rows, then selects the first row of the most severe colour (red, then
 *   orange, yellow, grey), so the clerk lands on what needs attention, and shows the counts per
 *   colour in a small dialog; the counts are also stored for the task pane.
 * - 月度汇总: the adapter activates the new summary sheet.
 * - 清除标记: the colours disappear; the count of restored cells goes to the pane.
 * - Any failure (no schedule sheet, protected sheet, …) opens a small dialog with the Chinese
 *   message, because otherwise a click would seem to do nothing. Where the Dialog API is missing
 *   the message still reaches the pane.
 */
import { countsLine } from '../core/listing';
import type { CheckResult, Colour } from '../core/types';
import { checkCompliance, clearMarks, mergedCellsHint, selectRow, writeMonthlySummary } from '../excel';
import type { AddinError, AddinOutcome } from '../excel';
import { localToday, ribbonMonth, saveLastRun, type LastRibbonRun, type RibbonCommand } from './ribbon-state';

/** Office passes this to every function command; completed() tells Excel the command is done. */
interface CommandEvent {
  completed(options?: unknown): void;
}

const SEVERITY_ORDER: Colour[] = ['red', 'orange', 'yellow', 'grey'];

/** The row the ribbon's 检查合规 selects afterwards: the first of the most severe colour present. */
export function firstRowToShow(result: CheckResult): CheckResult['rows'][number] | null {
  for (let c = 0; c < SEVERITY_ORDER.length; c++) {
    for (let i = 0; i < result.rows.length; i++) if (result.rows[i].colour === SEVERITY_ORDER[c]) return result.rows[i];
  }
  return null;
}

function documentUrl(): string {
  try {
    return (Office.context && Office.context.document && Office.context.document.url) || '';
  } catch (_e) {
    return '';
  }
}

function unexpected(err: unknown): AddinError {
  const text = err && typeof err === 'object' && 'message' in err ? String((err as Error).message) : String(err);
  return { code: 'host', message: '加载项遇到了意外错误，操作没有完成。请重试；如果仍然出错，请打开面板查看详情。', detail: text };
}

async function guarded<T>(work: () => Promise<AddinOutcome<T>>): Promise<AddinOutcome<T>> {
  try {
    return await work();
  } catch (err) {
    return { ok: false, error: unexpected(err) };
  }
}

function record(command: RibbonCommand, fields: Partial<LastRibbonRun> & { ok: boolean }): void {
  saveLastRun({ command, at: Date.now(), documentUrl: documentUrl(), ...fields });
}

const TITLES: Record<RibbonCommand, string> = {
  check: '检查合规没有完成',
  summary: '月度汇总没有完成',
  clear: '清除标记没有完成',
};

/**
 * Shows a failure in a small dialog (notice.html) and resolves when it is closed, so that
 * event.completed() is not called while the dialog is still up (that would close it at once).
 */
function showFailure(command: RibbonCommand, error: AddinError): Promise<void> {
  return showNotice(
    TITLES[command],
    error.message,
    '错误代码：' + error.code + (error.detail ? '\n' + error.detail : ''),
  );
}

/** What the ribbon's 检查合规 says when it is done: the counts at once, not only in the pane later. */
export function checkDoneMessage(result: CheckResult, counts: Record<Colour, number>, first: CheckResult['rows'][number] | null): string {
  const coloured = result.rows.length;
  let text = result.month.replace('-', '年').replace(/年0?/, '年') + '月（截至 ' + result.asOf + '）：已为 ' + coloured + ' 行标上颜色：' + countsLine(counts) + '。';
  if (first) text += '已选中“' + first.sheet + '”第 ' + first.row + ' 行（最需要处理的一条）。';
  return text + '逐条查看请点“打开面板”，生成汇总表请点“月度汇总”。';
}

/** A small dialog (notice.html); resolves when it is closed. */
function showNotice(title: string, message: string, detail: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const ui = Office.context && Office.context.ui;
    const supported =
      !!ui && typeof ui.displayDialogAsync === 'function' &&
      (!Office.context.requirements || Office.context.requirements.isSetSupported('DialogApi', '1.1'));
    if (!supported) {
      resolve();
      return;
    }
    const payload = JSON.stringify({ title: title, message: message.slice(0, 600), detail: detail.slice(0, 600) });
    const base = window.location.href.replace(/[#?].*$/, '').replace(/[^/]*$/, '');
    const url = base + 'notice.html#' + encodeURIComponent(payload);
    try {
      ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        const done = () => {
          try {
            dialog.close();
          } catch (_e) {
            // already closed by the user
          }
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      });
    } catch (_e) {
      resolve();
    }
  });
}

async function runCheck(event: CommandEvent): Promise<void> {
  try {
    const options = { month: ribbonMonth(), asOf: localToday() };
    const outcome = await guarded(() => checkCompliance(options));
    if (!outcome.ok) {
      record('check', { ok: false, error: outcome.error.message, month: options.month, asOf: options.asOf });
      await showFailure('check', outcome.error);
      return;
    }
    const result = outcome.value.result;
    record('check', { ok: true, month: result.month, asOf: result.asOf, counts: outcome.value.counts });
    const first = firstRowToShow(result);
    // Navigation only: a second, write-free Excel.run. Failing to select is not worth a dialog.
    if (first) await guarded(() => selectRow(first.sheet, first.row, first.firstColumn, first.lastColumn));
    await showNotice('检查完成', checkDoneMessage(result, outcome.value.counts, first) + mergedCellsHint(result, outcome.value.mergedCellsRead), '');
  } finally {
    event.completed();
  }
}

async function writeSummary(event: CommandEvent): Promise<void> {
  try {
    const options = { month: ribbonMonth(), asOf: localToday() };
    const outcome = await guarded(() => writeMonthlySummary(options));
    if (!outcome.ok) {
      record('summary', { ok: false, error: outcome.error.message, month: options.month, asOf: options.asOf });
      await showFailure('summary', outcome.error);
      return;
    }
    record('summary', { ok: true, month: outcome.value.result.month, asOf: outcome.value.result.asOf, sheetName: outcome.value.sheetName });
  } finally {
    event.completed();
  }
}

async function clearMarksCommand(event: CommandEvent): Promise<void> {
  try {
    const outcome = await guarded(() => clearMarks());
    if (!outcome.ok) {
      record('clear', { ok: false, error: outcome.error.message });
      await showFailure('clear', outcome.error);
      return;
    }
    record('clear', { ok: true, restoredCells: outcome.value.restoredCells });
  } finally {
    event.completed();
  }
}

/** Office finds function commands by name on the global object (Excel 2016) or via Office.actions. */
function register(): void {
  const g = (typeof self !== 'undefined' ? self : window) as unknown as Record<string, unknown>;
  g.runCheck = runCheck;
  g.writeSummary = writeSummary;
  g.clearMarks = clearMarksCommand;
  const actions = (Office as unknown as { actions?: { associate?: (name: string, fn: unknown) => void } }).actions;
  if (actions && typeof actions.associate === 'function') {
    actions.associate('runCheck', runCheck);
    actions.associate('writeSummary', writeSummary);
    actions.associate('clearMarks', clearMarksCommand);
  }
}

if (typeof Office !== 'undefined' && Office && typeof Office.onReady === 'function') {
  Office.onReady(() => register());
  // Older hosts look the functions up as soon as the file has loaded.
  register();
}
