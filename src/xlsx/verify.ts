/**
 * "Nothing lost", checked on the bytes written: every entry of the input is in the output (the
 * same compressed bytes, or for the parts the patch may change, the same content around the
 * change), and a census of what a clerk would miss (sheets with their visibility, charts,
 * comments, validations, protection, names, macros, …) finds at least as much in the output.
 * What the output lacks is listed with a Chinese and an English name; a correct patch lists
 * nothing.
 */
import type { OpenedWorkbook } from './read';
import type { PatchOutcome } from './patch';
import { Package } from './opc';
import { readWorkbookInfo } from './read/workbook';
import type { WorkbookInfo } from './read/workbook';
import { openZip } from './zip/read';
import { attributesOf, scanTags } from './xml/tags';
import { indexOfSeq } from './xml/bytes';
import { partText } from './xml/text';

interface FeatureInfo {
  zh: string;
  en: string;
}

export const FEATURES: Record<string, FeatureInfo> = {
  part: { zh: '文件部件', en: 'package parts' },
  sheet: { zh: '整张工作表', en: 'whole sheet' },
  sheetState: { zh: '工作表的隐藏状态', en: 'sheet visibility' },
  chart: { zh: '图表', en: 'charts' },
  image: { zh: '图片', en: 'images' },
  shape: { zh: '形状/文本框', en: 'shapes / text boxes' },
  pivotTable: { zh: '数据透视表', en: 'pivot tables' },
  slicer: { zh: '切片器', en: 'slicers' },
  timeline: { zh: '日程表', en: 'timelines' },
  table: { zh: '表格（套用表格格式）', en: 'tables' },
  comment: { zh: '批注', en: 'comments (notes)' },
  threadedComment: { zh: '新式批注（对话）', en: 'threaded comments' },
  dataValidation: { zh: '数据验证（下拉列表等）', en: 'data validation' },
  conditionalFormat: { zh: '条件格式规则', en: 'conditional formatting rules' },
  sparkline: { zh: '迷你图', en: 'sparklines' },
  hyperlink: { zh: '超链接', en: 'hyperlinks' },
  mergeCell: { zh: '合并单元格', en: 'merged cells' },
  control: { zh: '表单控件', en: 'form controls' },
  oleObject: { zh: '嵌入对象', en: 'embedded (OLE) objects' },
  autoFilter: { zh: '筛选', en: 'auto filter' },
  sheetProtection: { zh: '工作表保护', en: 'sheet protection' },
  backgroundPicture: { zh: '工作表背景图片', en: 'background picture' },
  workbookProtection: { zh: '工作簿保护', en: 'workbook protection' },
  macros: { zh: '宏（VBA 代码）', en: 'macros (VBA)' },
  externalLink: { zh: '外部工作簿链接', en: 'external workbook links' },
  connection: { zh: '数据连接/查询', en: 'data connections / queries' },
  customXml: { zh: '自定义 XML 数据', en: 'custom XML parts' },
  definedName: { zh: '名称（名称管理器）', en: 'defined names' },
};

export interface LostPart {
  kind: string;
  /** The sheet it was on, or null for workbook-wide parts. */
  sheet: string | null;
  count: number;
  /** Names, where they help (parts, defined names). */
  names?: string[];
  zh: string;
  en: string;
}

type Counts = Record<string, number>;

interface Census {
  workbook: Counts;
  sheets: Map<string, Counts>;
  states: Map<string, string>;
  definedNames: string[];
}

function add(counts: Counts, kind: string, n: number): void {
  if (n > 0) counts[kind] = (counts[kind] || 0) + n;
}

function count(xml: string, local: string): number {
  const re = new RegExp('<(?:[\\w.-]+:)?' + local + '(?=[\\s/>])', 'g');
  return (xml.match(re) || []).length;
}

/** The text of a sheet outside its cells (everything before <sheetData> and after </sheetData>). */
function outsideCells(bytes: Uint8Array): string {
  const start = indexOfSeq(bytes, 'sheetData', 0);
  if (start < 0) return partText(bytes);
  let end = -1;
  for (let at = bytes.length - 9; at > start; at--) {
    if (bytes[at] === 0x73 && bytes[at + 1] === 0x68 && indexOfSeq(bytes.subarray(at, at + 9), 'sheetData', 0) === 0) {
      end = at;
      break;
    }
  }
  if (end <= start) return partText(bytes);
  return partText(bytes.subarray(0, start)) + partText(bytes.subarray(end));
}

function census(pkg: Package, info: WorkbookInfo): Census {
  const workbook: Counts = {};
  const files = pkg.zip.entries.map((e) => e.name);
  const countFiles = (re: RegExp) => files.filter((p) => re.test(p)).length;
  add(workbook, 'macros', countFiles(/(^|\/)vbaProject\.bin$/i));
  add(workbook, 'externalLink', countFiles(/^xl\/externalLinks\/externalLink\d*\.xml$/i));
  add(workbook, 'connection', countFiles(/^xl\/connections\.xml$/i) + countFiles(/^xl\/queryTables\/[^/]+\.xml$/i));
  add(workbook, 'customXml', countFiles(/^customXml\/item\d*\.xml$/i));
  add(workbook, 'workbookProtection', count(info.xml, 'workbookProtection'));

  const sheets = new Map<string, Counts>();
  const states = new Map<string, string>();
  for (const ref of info.sheets) {
    const counts: Counts = { sheet: 1 };
    sheets.set(ref.name, counts);
    states.set(ref.name, ref.state);
    if (!ref.part) continue;
    const bytes = pkg.bytes(ref.part);
    if (!bytes) continue;
    const xml = outsideCells(bytes);
    for (const [kind, local] of [
      ['mergeCell', 'mergeCell'], ['hyperlink', 'hyperlink'], ['dataValidation', 'dataValidation'], ['conditionalFormat', 'cfRule'],
      ['sparkline', 'sparkline'], ['control', 'control'], ['oleObject', 'oleObject'], ['autoFilter', 'autoFilter'],
      ['sheetProtection', 'sheetProtection'], ['backgroundPicture', 'picture'], ['table', 'tablePart'],
    ]) add(counts, kind, count(xml, local));
    for (const rel of pkg.rels(ref.part)) {
      if (!rel.target || !pkg.has(rel.target)) continue;
      const text = () => pkg.text(rel.target!) || '';
      if (rel.kind === 'pivotTable') add(counts, 'pivotTable', 1);
      else if (rel.kind === 'slicer') add(counts, 'slicer', count(text(), 'slicer') || 1);
      else if (rel.kind === 'timeline') add(counts, 'timeline', count(text(), 'timeline') || 1);
      else if (rel.kind === 'comments') add(counts, 'comment', count(text(), 'comment'));
      else if (rel.kind === 'threadedComment') add(counts, 'threadedComment', count(text(), 'threadedComment'));
      else if (rel.kind === 'drawing') {
        const drawing = text();
        add(counts, 'image', count(drawing, 'pic'));
        add(counts, 'shape', count(drawing, 'sp') + count(drawing, 'cxnSp'));
        for (const inner of pkg.rels(rel.target)) if (inner.kind === 'chart' || inner.kind === 'chartEx') add(counts, 'chart', 1);
      }
    }
  }
  const names: string[] = [];
  for (const t of scanTags(info.xml)) {
    if (t.local !== 'definedName' || t.type === 'close') continue;
    const a = attributesOf(info.xml, t);
    if (!a.name) continue;
    const scope = a.localSheetId !== undefined && info.sheets[+a.localSheetId] ? '@' + info.sheets[+a.localSheetId].name : '';
    names.push(a.name + scope);
  }
  return { workbook, sheets, states, definedNames: names };
}

/** What the output of `patchWorkbook` lacks of the input; [] when nothing was lost. */
export function verifyPatch(source: OpenedWorkbook, output: Uint8Array, outcome: PatchOutcome, replacedSheets: string[] = []): LostPart[] {
  const lost: LostPart[] = [];
  const push = (kind: string, sheet: string | null, n: number, names?: string[]) => {
    const info = FEATURES[kind] || { zh: kind, en: kind };
    const part: LostPart = { kind, sheet, count: n, zh: info.zh, en: info.en };
    if (names) part.names = names;
    lost.push(part);
  };
  const zip = openZip(output, source.pkg.fileName);
  const outPkg = new Package(zip, source.pkg.codec, source.pkg.fileName);
  // 1. Every entry is there; the ones the patch did not change have the same bytes.
  const changed = new Set(outcome.changed.map((n) => n.toLowerCase()));
  const removed = new Set(outcome.removed.map((n) => n.toLowerCase()));
  const missing: string[] = [];
  for (const e of source.pkg.zip.entries) {
    const key = e.name.toLowerCase();
    if (removed.has(key)) continue;
    const o = zip.byName.get(key);
    if (!o || (!changed.has(key) && (o.crc !== e.crc || o.size !== e.size))) missing.push(e.name);
  }
  if (missing.length) push('part', null, missing.length, missing);

  // 2. The census of what the clerk would miss.
  const before = census(source.pkg, source.info);
  const after = census(outPkg, readWorkbookInfo(outPkg));
  for (const kind of Object.keys(before.workbook)) {
    const n = before.workbook[kind] - (after.workbook[kind] || 0);
    if (n > 0) push(kind, null, n);
  }
  for (const [name, counts] of before.sheets) {
    if (replacedSheets.indexOf(name) >= 0) continue;
    const out = after.sheets.get(name);
    if (!out) {
      push('sheet', name, 1);
      continue;
    }
    if (after.states.get(name) !== before.states.get(name)) push('sheetState', name, 1);
    for (const kind of Object.keys(counts)) {
      const n = counts[kind] - (out[kind] || 0);
      if (n > 0) push(kind, name, n);
    }
  }
  const outNames = new Set(after.definedNames);
  const lostNames = before.definedNames.filter((n) => {
    if (outNames.has(n)) return false;
    const at = n.lastIndexOf('@');
    return !(at > 0 && replacedSheets.indexOf(n.slice(at + 1)) >= 0);
  });
  if (lostNames.length > 0) push('definedName', null, lostNames.length, lostNames);
  return lost;
}
