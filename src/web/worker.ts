/**
 * The 网页版's Web Worker: reads the dropped workbook, checks it and patches it with the same code
 * as the command line (src/xlsx), so the page stays responsive while a 100,000-row log is checked.
 * Bundled on its own (webpack.config.js) and started from a Blob, so it also runs from file://.
 */
import { checkOpenedWorkbook, lostPartsMessage, readWorkbook, XlsxRefusal } from '../xlsx';
import { forPage } from './protocol';
import type { CheckRequest, Step, WorkerReply } from './protocol';

interface WorkerScope {
  onmessage: ((event: { data: CheckRequest }) => void) | null;
  postMessage(message: WorkerReply, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;

function post(message: WorkerReply, transfer?: ArrayBuffer[]): void {
  scope.postMessage(message, transfer);
}

/** One check, start to end; every outcome is a message (never an uncaught error). */
export function runCheck(request: CheckRequest, send: (message: WorkerReply, transfer?: ArrayBuffer[]) => void): void {
  const step = (s: Step) => send({ type: 'progress', step: s });
  try {
    step('read');
    const opened = readWorkbook(new Uint8Array(request.bytes), { fileName: request.fileName });
    const outcome = checkOpenedWorkbook(opened, { month: request.month, asOf: request.asOf }, step);
    if (!outcome.ok) {
      // The core's input errors carry their English part in the same text.
      send({ type: 'error', code: outcome.error.code, zh: outcome.error.message, en: '' });
      return;
    }
    const { result, layout, patched, lostParts } = outcome.value;
    if (lostParts.length > 0) {
      const message = lostPartsMessage(lostParts);
      send({ type: 'error', code: 'lost-parts', zh: message.zh, en: message.en });
      return;
    }
    // A copy the page owns outright (the patched bytes may be a view into a larger buffer).
    const output = patched.bytes.slice().buffer as ArrayBuffer;
    send(
      { type: 'done', result: forPage(result), output, extension: opened.extension, summarySheet: layout.sheetName, summaryReplaced: patched.summaryReplaced },
      [output],
    );
  } catch (error) {
    if (error instanceof XlsxRefusal) {
      send({ type: 'error', code: error.code, zh: error.zh, en: error.en });
      return;
    }
    send({
      type: 'error',
      code: 'bug',
      zh: '检查时遇到了意外错误，没有生成结果文件。请把这个工作簿和下面的技术详情告诉维护人员。',
      en: 'Unexpected error; no result was made.',
      detail: error instanceof Error ? error.stack || error.message : String(error),
    });
  }
}

if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  scope.onmessage = (event) => runCheck(event.data, post);
}
