/**
 * Host failures as the clerk reads them: every command resolves to an outcome, and an exception
 * (OfficeExtension.Error, a refusal of ours, a bug) becomes a Chinese message saying what to do.
 */
import type { AddinError, AddinOutcome } from './api';

export class Refusal {
  constructor(public error: AddinError) {}
}

export function refuse(code: AddinError['code'], message: string, detail?: string): never {
  throw new Refusal({ code, message, detail });
}

/** A host error (OfficeExtension.Error or anything thrown) as a Chinese message. */
export function toAddinError(e: unknown): AddinError {
  if (e instanceof Refusal) return e.error;
  const err = (e || {}) as { code?: string; message?: string; name?: string };
  const code = String(err.code || '');
  const detail = (code ? code + ': ' : '') + String(err.message || e).split('\n')[0];
  const text = String(err.message || '');
  if (code === 'InvalidOperationInCellEditMode' || /cell edit|单元格编辑/i.test(text)) {
    return { code: 'busy', message: 'Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点一次。', detail };
  }
  if (code === 'ItemNotFound') {
    return { code: 'not-found', message: '找不到要操作的工作表或单元格（可能已被删除或改名）：请重新检查后再试。', detail };
  }
  if (/PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code)) {
    return { code: 'too-large', message: '工作簿太大，Excel 无法一次处理：请删去不需要的行或工作表后再试，或改用命令行工具 duty-check。', detail };
  }
  if (code === 'AccessDenied' || /protected/i.test(text)) {
    return { code: 'protected', message: '工作表或工作簿受保护，无法写入：请在“审阅”选项卡撤销保护后再点一次。', detail };
  }
  if (code === 'ApiNotFound') {
    return { code: 'host', message: '此版本的 Excel 缺少所需的功能：请更新 Office 后再试。', detail };
  }
  if (typeof Excel === 'undefined') {
    return { code: 'host', message: '没有连接到 Excel：请在 Excel 中打开本加载项。', detail };
  }
  return { code: 'host', message: 'Excel 未能完成操作：请稍后再点一次；如果反复出现，请保存并重新打开工作簿。', detail };
}

export async function guarded<T>(body: () => Promise<T>): Promise<AddinOutcome<T>> {
  try {
    if (typeof Excel === 'undefined' || !Excel.run) refuse('host', '没有连接到 Excel：请在 Excel 中打开本加载项。');
    return { ok: true, value: await body() };
  } catch (e) {
    return { ok: false, error: toAddinError(e) };
  }
}

/** The `code` of a host error ('' when it has none). */
export function errorCode(e: unknown): string {
  return String((e && (e as { code?: string }).code) || '');
}

export function isSizeError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded/.test(errorCode(e));
}

/**
 * Errors Excel gives for a request it will not run as asked (an offset past the grid, a member it
 * does not implement), as opposed to a host failure (GeneralException, busy, lost connection),
 * which is reported as usual.
 */
export const REFUSED_REQUEST = /^(InvalidArgument|InvalidReference|InvalidOperation|ApiNotFound|NotImplemented|UnsupportedOperation)$/;

export function isProtectionError(e: unknown): boolean {
  const err = (e || {}) as { code?: string; message?: string };
  return err.code === 'AccessDenied' || /protected/i.test(String(err.message || ''));
}

export function protectedMessage(sheet: string, what: string): string {
  return '工作表“' + sheet + '”受保护，无法' + what + '。请在“审阅”选项卡中点“撤销工作表保护”，再点一次。';
}
