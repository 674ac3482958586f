/**
 * The 网页版's host: checks a workbook file in this browser, in a Web Worker that runs the same
 * code as the command line (src/web/worker.ts), and hands back the result workbook to download.
 * Nothing leaves the page: the file is read with FileReader, the worker is started from a Blob of
 * its own source (bundled into this script at build time, so it also starts from file://).
 */
import type { CheckResult } from '../core/types';
import { STEP_LABEL, STEP_START } from '../web/protocol';
import type { CheckRequest, WorkerReply } from '../web/protocol';
import type { HostDone, HostOutcome, PaneHost, RunOptions } from './host';
import { countsOf, countsText, groupItems } from './render';

declare const __DUTY_WORKER_SOURCE__: string;

export interface FileCheckDone {
  result: CheckResult;
  /** The result workbook. */
  blob: Blob;
  /** `<name>-检查结果.xlsx` (or `.xlsm`). */
  downloadName: string;
  summarySheet: string;
}

export type FileCheckOutcome = HostOutcome<FileCheckDone>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** What this browser lacks for the 网页版 (empty when it has everything). */
export function missingBrowserFeatures(w: Window = window): string[] {
  const g = w as unknown as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof g.Worker !== 'function') missing.push('Web Worker');
  if (typeof g.Blob !== 'function' || !g.URL || typeof (g.URL as { createObjectURL?: unknown }).createObjectURL !== 'function') missing.push('Blob');
  if (typeof g.FileReader !== 'function') missing.push('FileReader');
  if (typeof g.Uint8Array !== 'function' || typeof g.ArrayBuffer !== 'function') missing.push('ArrayBuffer');
  if (typeof g.TextDecoder !== 'function' || typeof g.TextEncoder !== 'function') missing.push('TextDecoder');
  if (typeof g.Promise !== 'function') missing.push('Promise');
  return missing;
}

/** `台账.xlsx` → `台账-检查结果.xlsx`; the extension follows the workbook's type. */
export function resultName(fileName: string, extension: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return base + '-检查结果' + extension;
}

/** Whether the file's name says it is an Excel workbook the tool reads (the worker checks the content). */
export function looksLikeWorkbook(fileName: string): boolean {
  return /\.(xlsx|xlsm|xltx|xltm)$/i.test(fileName);
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error || new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

function startWorker(): Worker {
  const url = URL.createObjectURL(new Blob([__DUTY_WORKER_SOURCE__], { type: 'text/javascript' }));
  try {
    return new Worker(url);
  } finally {
    // The worker has its script once constructed; the URL is not needed again.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/**
 * Checks `file` for the month and as-of date in a fresh worker; `onProgress` gets the share done
 * (0–1) and a label. Never rejects: a bad file or a failure is an outcome with a Chinese message.
 */
export function checkFile(
  file: File,
  options: { month: string; asOf: string },
  onProgress: (fraction: number, label: string) => void,
): Promise<FileCheckOutcome> {
  return new Promise<FileCheckOutcome>((resolve) => {
    let worker: Worker | null = null;
    const finish = (outcome: FileCheckOutcome) => {
      if (worker) worker.terminate();
      worker = null;
      resolve(outcome);
    };
    onProgress(0, '正在读取文件…');
    readBytes(file).then(
      (bytes) => {
        try {
          worker = startWorker();
        } catch (e) {
          finish({ ok: false, error: { code: 'no-worker', message: '这个浏览器不能启动后台检查（Web Worker），请改用新版 Chrome、Edge，或 360、QQ 浏览器的极速模式。', detail: String(e) } });
          return;
        }
        worker.onmessage = (event: MessageEvent) => {
          const reply = event.data as WorkerReply;
          if (reply.type === 'progress') onProgress(STEP_START[reply.step], STEP_LABEL[reply.step]);
          else if (reply.type === 'error') finish({ ok: false, error: { code: reply.code, message: reply.zh, detail: [reply.en, reply.detail].filter(Boolean).join('\n') } });
          else {
            onProgress(1, '完成');
            finish({
              ok: true,
              value: {
                result: reply.result,
                blob: new Blob([reply.output], { type: reply.extension === '.xlsm' ? XLSM_TYPE : XLSX_TYPE }),
                downloadName: resultName(file.name, reply.extension),
                summarySheet: reply.summarySheet,
              },
            });
          }
        };
        worker.onerror = (event: ErrorEvent) => {
          if (event && event.preventDefault) event.preventDefault();
          finish({ ok: false, error: { code: 'bug', message: '检查时遇到了意外错误，没有生成结果文件。请把这个工作簿和技术详情告诉维护人员。', detail: event ? String(event.message) : '' } });
        };
        const request: CheckRequest = { type: 'check', bytes, fileName: file.name, month: options.month, asOf: options.asOf };
        worker.postMessage(request, [bytes]);
      },
      (e) => finish({ ok: false, error: { code: 'unreadable', message: '读不了这个文件：它可能已被移动、删除，或正被别的程序占用。请重新选择。', detail: String(e) } }),
    );
  });
}

/** Saves `blob` as `name` through the browser's download (no server involved). */
export function download(blob: Blob, name: string): void {
  const nav = navigator as unknown as { msSaveOrOpenBlob?: (b: Blob, n: string) => void };
  if (nav.msSaveOrOpenBlob) {
    nav.msSaveOrOpenBlob(blob, name);
    return;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The 网页版's host: a chosen file instead of an open workbook, and the result to download. */
export interface FileHost extends PaneHost {
  readonly kind: 'file';
  /** The file 检查合规 checks next; any earlier result is dropped. */
  choose(file: File): void;
  chosen(): File | null;
  /** The result of the last check, or null. */
  ready(): FileCheckDone | null;
  /** 下载检查结果. */
  download(): void;
}

export function createFileHost(): FileHost {
  let file: File | null = null;
  let done: FileCheckDone | null = null;
  return {
    kind: 'file',
    choose(f: File) {
      file = f;
      done = null;
    },
    chosen: () => file,
    ready: () => done,
    async check(options: RunOptions, progress: (fraction: number, label: string) => void): Promise<HostOutcome<HostDone>> {
      done = null;
      if (!file) return { ok: false, error: { code: 'no-file', message: '请先选择要检查的工作簿（.xlsx 文件）。' } };
      const outcome = await checkFile(file, options, progress);
      if (!outcome.ok) return outcome;
      done = outcome.value;
      const result = done.result;
      return {
        ok: true,
        value: {
          result,
          message:
            '检查完成，结果文件中将有 ' + result.rows.length + ' 行标上颜色：' + countsText(countsOf(groupItems(result))) + '。点“下载检查结果”保存“' +
            done.downloadName + '”（原工作簿加颜色，外加“' + done.summarySheet + '”表），用 WPS 或 Excel 打开。',
        },
      };
    },
    async select(target) {
      return { ok: true, value: '网页版不能跳到工作表中的行：下载的结果文件里，工作表“' + target.sheet + '”第 ' + target.row + ' 行已标上这个颜色。' };
    },
    download() {
      if (done) download(done.blob, done.downloadName);
    },
  };
}
