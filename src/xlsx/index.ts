/**
 * The workbook package, read and patched without Excel: browser-safe (no Node, no DOM; the
 * compression codec is passed in or defaults to fflate), so the command line and a web page in a
 * Web Worker share it.
 *
 *   const opened = readWorkbook(bytes, { fileName });        // grids for the core, package kept
 *   const result = checkWorkbook(opened.input, { asOf, month });
 *   const out = patchWorkbook(opened, { rows, layout });     // the result workbook's bytes
 *   const lost = verifyPatch(opened, out.bytes);             // nothing of the input lost
 *
 * Refusals (hostile or broken input) are thrown as `XlsxRefusal` with a Chinese message.
 */
export { readWorkbook } from './read';
export type { OpenedWorkbook, ReadOptions } from './read';
export { patchWorkbook } from './patch';
export type { PatchOptions, PatchOutcome, PatchRequest } from './patch';
export { verifyPatch, FEATURES } from './verify';
export { checkOpenedWorkbook, lostPartsMessage } from './check';
export type { CheckedOutcome, CheckedWorkbook, CheckStep } from './check';
export type { LostPart } from './verify';
export { XlsxRefusal } from './errors';
export type { RefusalCode } from './errors';
export { DEFAULT_LIMITS } from './zip/read';
export type { ZipLimits } from './zip/read';
export { fflateCodec } from './zip/codec';
export type { Codec } from './zip/codec';
export { CHART_TITLE } from './patch/chart';
