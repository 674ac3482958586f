/**
 * What the host supports (Office's requirement sets), for choosing code paths and for the pane's
 * footer, and the hint the pane gives when Excel could not tell merged cells.
 */
import type { CheckResult } from '../core/types';
import type { RequirementsInfo } from './api';

export function isSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context && !!Office.context.requirements &&
      Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch (e) {
    return false;
  }
}

export interface Caps {
  v12: boolean;
  /** Microsoft's client cuts value and number-format writes of more than 1,500 cells into slices. */
  v13: boolean;
  v16: boolean;
  v17: boolean;
  v18: boolean;
  v19: boolean;
  /** Range.getMergedAreasOrNullObject: merged cells in the records are read (see queueMerges). */
  v113: boolean;
}

export function caps(): Caps {
  return {
    v12: isSupported('1.2'),
    v13: isSupported('1.3'),
    v16: isSupported('1.6'),
    v17: isSupported('1.7'),
    v18: isSupported('1.8'),
    v19: isSupported('1.9'),
    v113: isSupported('1.13'),
  };
}

/**
 * When Excel could not give the merged areas (below ExcelApi 1.13) and some records have no date
 * or no leader: why that may be, and what to do. '' otherwise.
 */
export function mergedCellsHint(result: CheckResult, mergedCellsRead: boolean): string {
  if (mergedCellsRead) return '';
  let rows = 0;
  const seen: { [key: string]: boolean } = {};
  for (let i = 0; i < result.problems.length; i++) {
    const p = result.problems[i];
    if (p.row < 1 || (p.code !== 'empty-date' && p.code !== 'empty-leader')) continue;
    const key = p.sheet + '\n' + p.row;
    if (!seen[key]) rows++;
    seen[key] = true;
  }
  if (rows === 0) return '';
  return (
    '有 ' + rows + ' 行的日期或带队领导为空。如果它们和上一行是合并的单元格：这个版本的 Excel 不向加载项提供合并区域' +
    '（需要 Microsoft 365、Excel 网页版或 Excel 2021 及以后），请取消合并并把日期和领导填到每一行，或用命令行工具检查。'
  );
}

/** What the host supports, for the pane's footer and for choosing code paths. */
export function describeRequirements(): RequirementsInfo {
  let highest = 0;
  for (let minor = 1; minor <= 17; minor++) if (isSupported('1.' + minor)) highest = minor;
  return {
    api: highest ? 'ExcelApi 1.' + highest : '未知',
    rangeAreas: isSupported('1.9'),
    hyperlinks: isSupported('1.7'),
    suspendCalculation: isSupported('1.6'),
  };
}
