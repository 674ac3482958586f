/**
 * The task pane: choose the month and the as-of date, run 检查合规 / 月度汇总 / 清除标记, read the
 * results grouped by colour, and click a finding to select its row. Thin UI: all Excel work is
 * the adapter's (src/excel), all checking the core's. Runs in IE11 (Excel 2016/2019) as ES5.
 *
 * One UI, two hosts: in Excel the pane checks the open workbook (src/excel); anywhere else — the
 * page opened in a browser, or the one-file 网页版 (dist/web/安全生产履职检查.html) — it checks a
 * workbook file in a Web Worker with the command line's code and offers the result for download
 * (file-host.ts).
 */
import { dayFromYmd, ymdFromDay } from '../core/day';
import { defaultMonth } from '../core/period';
import type { CheckResult } from '../core/types';
import { describeRequirements } from '../excel';
import type { AddinError } from '../excel';
import {
  localToday,
  onLastRunChanged,
  pad2,
  readLastRun,
  saveMonthChoice,
  type LastRibbonRun,
} from '../commands/ribbon-state';
import { add, byId, clear, el, setText, show } from './dom';
import { excelHost } from './excel-host';
import { createFileHost, looksLikeWorkbook, missingBrowserFeatures, type FileHost } from './file-host';
import type { HostError, PaneHost } from './host';
import {
  countsOf,
  countsText,
  groupItems,
  hideMessage,
  renderLegend,
  renderMessage,
  renderResults,
  type RowTarget,
} from './render';

type Action = 'check' | 'summary' | 'clear';

const ui = {
  loading: byId('loading'),
  outside: byId('outside-office'),
  officeJsMissing: byId('office-js-missing'),
  controls: byId<HTMLFormElement>('controls'),
  year: byId<HTMLSelectElement>('year'),
  month: byId<HTMLSelectElement>('month'),
  asOf: byId<HTMLInputElement>('as-of'),
  asOfError: byId('as-of-error'),
  today: byId<HTMLButtonElement>('btn-today'),
  check: byId<HTMLButtonElement>('btn-check'),
  summary: byId<HTMLButtonElement>('btn-summary'),
  clearMarks: byId<HTMLButtonElement>('btn-clear'),
  progress: byId('progress'),
  progressLabel: byId('progress-label'),
  message: byId('message'),
  lastRun: byId('last-run'),
  results: byId('results'),
  stale: byId('stale'),
  legend: byId('legend'),
  apiLevel: byId('api-level'),
  oldBrowser: byId('old-browser'),
  oldBrowserDetail: byId('old-browser-detail'),
  webIntro: byId('web-intro'),
  fileField: byId('file-field'),
  dropZone: byId('drop-zone'),
  fileInput: byId<HTMLInputElement>('file-input'),
  fileName: byId('file-name'),
  download: byId<HTMLButtonElement>('btn-download'),
  progressBar: byId('progress-bar'),
  privacyNote: byId('privacy-note'),
};

/** Where the pane runs: Excel, the 网页版 (a file checked in this browser), or null while neither works. */
let host: PaneHost | null = null;
let fileHost: FileHost | null = null;
let busy = false;
/** The month and as-of date of the results on show, or null when none are shown. */
let shownFor: { month: string; asOf: string } | null = null;

/** `YYYY-MM-DD` from what a clerk types: 2019-9-2, 2019/9/2, 2019.9.2, 2019年9月2日. Null if no such day. */
export function parseAsOf(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const back = ymdFromDay(dayFromYmd(year, month, day));
  if (back.year !== year || back.month !== month || back.day !== day) return null;
  return year + '-' + pad2(month) + '-' + pad2(day);
}

function fillMonthSelectors(today: string): void {
  const year = Number(today.slice(0, 4));
  clear(ui.year);
  // Ten years back covers an audit of old records; one ahead lets a December check roll over.
  for (let y = year + 1; y >= year - 10; y--) {
    const option = el('option', undefined, String(y));
    option.value = String(y);
    add(ui.year, option);
  }
  clear(ui.month);
  for (let m = 1; m <= 12; m++) {
    const option = el('option', undefined, String(m));
    option.value = pad2(m);
    add(ui.month, option);
  }
  // Early in a month the new month is nearly all 进行中: start on the month the clerk most likely means.
  const start = defaultMonth(today);
  ui.year.value = start.slice(0, 4);
  ui.month.value = start.slice(5, 7);
}

function chosenMonth(): string {
  return ui.year.value + '-' + ui.month.value;
}

/** The run options from the form, or null (with the reason shown beside the field). */
function readOptions(): { month: string; asOf: string } | null {
  const asOf = parseAsOf(ui.asOf.value);
  const month = chosenMonth();
  let problem = '';
  if (asOf === null) problem = '请按“年-月-日”填写截至日期，例如 ' + localToday() + '。';
  else if (asOf < month + '-01') problem = '截至日期早于所选月份的第一天，请把截至日期改到 ' + month + '-01 或以后。';
  setText(ui.asOfError, problem);
  show(ui.asOfError, problem !== '');
  ui.asOf.setAttribute('aria-invalid', problem ? 'true' : 'false');
  if (asOf === null || problem) return null;
  ui.asOf.value = asOf;
  return { month, asOf };
}

function setBusy(on: boolean, label?: string): void {
  busy = on;
  ui.check.disabled = on || !host || (!!fileHost && !fileHost.chosen());
  ui.summary.disabled = on || !host || !host.summary;
  ui.clearMarks.disabled = on || !host || !host.clear;
  ui.download.disabled = on || !fileHost || !fileHost.ready();
  ui.fileInput.disabled = on || !fileHost;
  ui.year.disabled = !host;
  ui.month.disabled = !host;
  ui.asOf.disabled = !host;
  ui.today.disabled = !host;
  if (label) setText(ui.progressLabel, label);
  show(ui.progress, on);
  ui.controls.setAttribute('aria-busy', on ? 'true' : 'false');
}

/** The 网页版's progress: a bar that fills as the worker reports its steps. */
function setProgress(fraction: number, label: string): void {
  setText(ui.progressLabel, label + '（' + Math.round(fraction * 100) + '%）');
  ui.progressBar.className = 'progress__bar progress__bar--determinate';
  ui.progressBar.style.width = Math.max(2, Math.round(fraction * 100)) + '%';
}

function showResults(result: CheckResult): void {
  renderResults(ui.results, result, selectTarget);
  show(ui.results, true);
  shownFor = { month: result.month, asOf: result.asOf };
  markStale();
}

function hideResults(): void {
  clear(ui.results);
  show(ui.results, false);
  shownFor = null;
  markStale();
}

/**
 * Results checked for another month or as-of date than the form now shows are out of date: say
 * so above them (and dim them), so nobody reads August's colours as September's.
 */
function markStale(): void {
  const asOf = parseAsOf(ui.asOf.value);
  const stale = !!shownFor && (shownFor.month !== chosenMonth() || (asOf !== null && shownFor.asOf !== asOf));
  ui.results.className = 'results' + (shownFor ? '' : ' is-hidden') + (stale ? ' results--stale' : '');
  if (stale && shownFor) {
    setText(ui.stale, '下面的结果是按 ' + shownFor.month + '（截至 ' + shownFor.asOf + '）检查的；月份或截至日期已改动，请重新点“检查合规”。');
  }
  show(ui.stale, stale);
}

function showError(error: HostError): void {
  renderMessage(ui.message, 'error', error.message, { code: 'host', message: error.message, detail: error.detail || '' } as AddinError);
}

const BUSY_LABEL: Record<Action, string> = { check: '正在检查并标注颜色…', summary: '正在生成月度汇总表…', clear: '正在恢复原有格式…' };

async function run(action: Action): Promise<void> {
  const h = host;
  if (busy || !h) return;
  if ((action === 'summary' && !h.summary) || (action === 'clear' && !h.clear)) return;
  let options: { month: string; asOf: string } | null = null;
  if (action !== 'clear') {
    options = readOptions();
    if (!options) {
      ui.asOf.focus();
      return;
    }
  }
  hideMessage(ui.message);
  setBusy(true, BUSY_LABEL[action]);
  try {
    if (action === 'clear') {
      const outcome = await h.clear!();
      if (!outcome.ok) return showError(outcome.error);
      hideResults();
      renderMessage(ui.message, 'success', outcome.value.message);
      return;
    }
    const outcome = action === 'check' ? await h.check(options!, setProgress) : await h.summary!(options!);
    if (!outcome.ok) {
      if (h.kind === 'file') hideResults();
      return showError(outcome.error);
    }
    showResults(outcome.value.result);
    renderMessage(ui.message, 'success', outcome.value.message);
  } finally {
    setBusy(false);
  }
}

/** A file chosen or dropped in the 网页版. */
function chooseFile(file: File | null): void {
  if (busy || !fileHost || !file) return;
  fileHost.choose(file);
  hideResults();
  hideMessage(ui.message);
  setText(ui.fileName, file.name + '（' + (file.size >= 1024 * 1024 ? (file.size / 1024 / 1024).toFixed(1) + ' MB' : Math.max(1, Math.round(file.size / 1024)) + ' KB') + '）');
  show(ui.fileName, true);
  if (!looksLikeWorkbook(file.name)) {
    renderMessage(ui.message, 'warning', '“' + file.name + '”看起来不是 .xlsx 工作簿。WPS 或 Excel 的表格请先另存为 .xlsx（Excel 工作簿）再检查；仍要检查可以直接点“检查合规”。');
  }
  setBusy(false);
}

function wireFileMode(): void {
  ui.fileInput.onchange = () => {
    const files = ui.fileInput.files;
    chooseFile(files && files.length ? files[0] : null);
  };
  ui.download.onclick = () => {
    if (fileHost) fileHost.download();
  };
  // A file dropped anywhere on the page is taken; the browser must not open it instead.
  const over = (event: DragEvent) => {
    if (!fileHost) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    ui.dropZone.className = 'drop-zone drop-zone--over';
  };
  document.addEventListener('dragover', over);
  document.addEventListener('dragenter', over);
  document.addEventListener('dragleave', () => {
    ui.dropZone.className = 'drop-zone';
  });
  document.addEventListener('drop', (event: DragEvent) => {
    if (!fileHost) return;
    event.preventDefault();
    ui.dropZone.className = 'drop-zone';
    const files = event.dataTransfer && event.dataTransfer.files;
    chooseFile(files && files.length ? files[0] : null);
  });
}

/** Turns the pane into the 网页版, or says what the browser lacks. */
function enterFileMode(): void {
  const missing = missingBrowserFeatures();
  if (missing.length > 0) {
    setText(ui.oldBrowserDetail, '（缺少：' + missing.join('、') + '）');
    show(ui.oldBrowser, true);
    return;
  }
  fileHost = createFileHost();
  host = fileHost;
  show(ui.webIntro, true);
  show(ui.fileField, true);
  show(ui.summary, false);
  show(ui.clearMarks, false);
  show(ui.download, true);
  setText(ui.privacyNote, '工作簿只在这台电脑的浏览器中处理，不会上传。');
  wireFileMode();
}

async function selectTarget(target: RowTarget): Promise<void> {
  if (busy || !host) return;
  const outcome = await host.select(target);
  if (!outcome.ok) showError(outcome.error);
  else if (outcome.value) renderMessage(ui.message, 'info', outcome.value);
}

const COMMAND_LABEL: Record<LastRibbonRun['command'], string> = { check: '检查合规', summary: '月度汇总', clear: '清除标记' };

function documentUrl(): string {
  try {
    return (Office.context && Office.context.document && Office.context.document.url) || '';
  } catch (_e) {
    return '';
  }
}

/** The outcome of the last ribbon click, which has no window of its own to show it in. */
function showLastRun(): void {
  const last = readLastRun(documentUrl());
  clear(ui.lastRun);
  if (!last) {
    ui.lastRun.className = 'is-hidden';
    return;
  }
  const d = new Date(last.at);
  const when = pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()) + ' ' + pad2(d.getHours()) + ':' + pad2(d.getMinutes());
  let text = '功能区按钮“' + COMMAND_LABEL[last.command] + '”（' + when + '）';
  if (!last.ok) text += '没有完成：' + (last.error || '');
  else if (last.command === 'check') {
    text += '：' + (last.month || '') + '，截至 ' + (last.asOf || '') + '。' + (last.counts ? countsText(last.counts) + '。' : '') + '点“检查合规”可在此查看每一条。';
  } else if (last.command === 'summary') text += '：已生成“' + (last.sheetName || '') + '”。';
  else text += '：已恢复 ' + (last.restoredCells || 0) + ' 个单元格的格式。';
  ui.lastRun.className = 'callout callout--' + (last.ok ? 'info' : 'error');
  add(ui.lastRun, el('p', 'callout__text ms-font-s', text));
}

function waitForExcel(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    if (typeof Office === 'undefined' || !Office || typeof Office.onReady !== 'function') {
      resolve(false);
      return;
    }
    try {
      Office.onReady().then(
        (info) => resolve(!!info && String(info.host) === 'Excel'),
        () => resolve(false),
      );
    } catch (_e) {
      resolve(false);
    }
  });
}

function wire(): void {
  ui.controls.onsubmit = (event) => {
    if (event && event.preventDefault) event.preventDefault();
    void run('check');
    return false;
  };
  ui.summary.onclick = () => void run('summary');
  ui.clearMarks.onclick = () => void run('clear');
  ui.today.onclick = () => {
    ui.asOf.value = localToday();
    readOptions();
    markStale();
  };
  const monthChanged = () => {
    saveMonthChoice(chosenMonth());
    if (/(^|\s)is-hidden(\s|$)/.test(ui.asOfError.className) === false) readOptions();
    markStale();
  };
  ui.year.onchange = monthChanged;
  ui.month.onchange = monthChanged;
  ui.asOf.onblur = () => {
    if (ui.asOf.value) readOptions();
    markStale();
  };
  // IE11 has no 'input' event on every edit path; keyup and change cover typing and pasting.
  ui.asOf.onkeyup = markStale;
  ui.asOf.onchange = markStale;
}

async function start(): Promise<void> {
  const today = localToday();
  renderLegend(ui.legend);
  fillMonthSelectors(today);
  ui.asOf.value = today;
  wire();
  setBusy(false);

  if ((window as unknown as { dutyStandalone?: boolean }).dutyStandalone) {
    // The one-file 网页版: no office.js at all.
    enterFileMode();
    setBusy(false);
    return;
  }

  const inExcel = await waitForExcel();
  if (inExcel) host = excelHost;
  show(ui.loading, false);
  // The head's watchdog note has done its job: from here the page says it itself.
  const watchdog = (window as unknown as { dutyOfficeJs?: { failed: boolean; hide(): void } }).dutyOfficeJs;
  if (watchdog) watchdog.hide();
  // No Office object at all: office.js could not be loaded (an intranet without Microsoft's CDN).
  const officeMissing = !inExcel && (typeof Office === 'undefined' || !!(watchdog && watchdog.failed));
  show(ui.officeJsMissing, officeMissing);
  show(ui.outside, !inExcel && !officeMissing);
  if (!inExcel) {
    // Outside Excel the page is the 网页版: check a workbook file here instead.
    enterFileMode();
    setBusy(false);
    return;
  }
  setBusy(false);

  // The ribbon's 检查合规 uses the month chosen here (for the rest of the day).
  saveMonthChoice(chosenMonth());
  try {
    const req = describeRequirements();
    setText(ui.apiLevel, 'Excel 接口：' + req.api);
  } catch (_e) {
    setText(ui.apiLevel, '');
  }
  showLastRun();
  onLastRunChanged(showLastRun);
}

void start();
