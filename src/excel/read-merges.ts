/**
 * The merged areas of the records (ExcelApi 1.13), read in the sync that reads the values, and
 * when to give them up (Excel fails them past 512 areas in a range, without saying how).
 */
import { isOwnSheet } from '../core';
import type { MergedArea } from '../core/types';
import type { Caps } from './capabilities';
import { errorCode, REFUSED_REQUEST } from './errors';
import { session } from './session';

/** Whether a failed sync that asked for merged areas (`queued`) is to be made again without them. */
export function giveUpMerges(e: unknown, queued: boolean): boolean {
  if (!queued || !session.mergesWork) return false;
  const code = errorCode(e);
  // InvalidObjectPath: a host that will not follow `areas` of a null RangeAreas.
  if (!REFUSED_REQUEST.test(code) && code !== 'GeneralException' && code !== 'InvalidObjectPath') return false;
  session.mergesWork = false;
  return true;
}

/**
 * ExcelApi 1.13: queues the merged areas of each input sheet's used range, in the sync that reads
 * it (one load per sheet: `getMergedAreasOrNullObject()` is a path, not a command). Loaded as each
 * area's `rowIndex`, `columnIndex`, `rowCount` and `columnCount` through `areas` (typed numbers,
 * about 70 bytes an area, at most 512 areas, so never near the size limit) rather than the
 * RangeAreas' `address`, which is a bit smaller but would have to be parsed (sheet names may hold
 * commas, quotes and `!`), and which early builds reported as top-left cells only (OfficeDev/
 * office-js#1590, where loading `areas` was Microsoft's advice). Excel reports only the areas whose
 * top-left cell is in the range (office-js#3611): that is every area holding a value, since the
 * value is in that cell and the used range takes it in. Not the add-in's own sheets; none below
 * 1.13 or once Excel refused them (see mergesWork). After the sync, sheet i's areas (1-based Excel
 * row and column), [] when it has none, or undefined when not read.
 */
export function queueMerges(queued: Array<{ name: string; range: Excel.Range }>, c: Caps): ((i: number) => MergedArea[] | undefined) & { queued: boolean } {
  const asked = queued.map((q) => {
    if (!c.v113 || !session.mergesWork || isOwnSheet(q.name)) return null;
    const merged = q.range.getMergedAreasOrNullObject();
    const areas = merged.areas;
    areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    return { merged, areas };
  });
  const of = ((i: number) => {
    const m = asked[i];
    if (!m) return undefined;
    try {
      // A null RangeAreas (no merged area in the range) makes its areas a null collection too.
      if (m.merged.isNullObject || m.areas.isNullObject) return [];
      return m.areas.items.map((a) => ({ row: a.rowIndex + 1, column: a.columnIndex + 1, rows: a.rowCount, columns: a.columnCount }));
    } catch (e) {
      // A host that answers otherwise (null objects are the least uniform part of Office.js) costs
      // the merged cells, never the check.
      session.mergesWork = false;
      return undefined;
    }
  }) as ((i: number) => MergedArea[] | undefined) & { queued: boolean };
  of.queued = asked.some((m) => m !== null);
  return of;
}
