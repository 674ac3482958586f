/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * "Never drop silently": ExcelJS rewrites the whole package and leaves out what it does not model
 * (charts, shapes, pivot tables, macros, …). Rather than trust a list of what it supports, we count
 * the features of the input package and of the package we are about to write, and report every
 * feature whose count went down. The original file is never touched, so nothing is lost for good;
 * the clerk just needs to know that the result file lacks it.
 */
import JSZip from 'jszip';
import { attributesOf, readPart, readPartOutsideCells, readRels, readSheetParts, relKind, startTags } from './ooxml';

/** What one feature is called for the clerk (Chinese) and the maintainer (English). */
interface FeatureInfo {
  zh: string;
  en: string;
}

export const FEATURES: Record<string, FeatureInfo> = {
  sheet: { zh: '整张工作表（图表工作表、对话框工作表或宏表）', en: 'whole sheet (chart sheet, dialog sheet or macro sheet)' },
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
  macros: { zh: '宏（VBA 代码）', en: 'macros (VBA)' },
  externalLink: { zh: '外部工作簿链接', en: 'external workbook links' },
  connection: { zh: '数据连接/查询', en: 'data connections / queries' },
  dataModel: { zh: '数据模型（Power Pivot）', en: 'data model (Power Pivot)' },
  customXml: { zh: '自定义 XML 数据', en: 'custom XML parts' },
  customProperties: { zh: '自定义文档属性', en: 'custom document properties' },
  webExtension: { zh: '加载项（任务窗格）设置', en: 'add-in (task pane) settings' },
  richData: { zh: '单元格内图片/数据类型', en: 'pictures in cells / data types' },
  signature: { zh: '数字签名', en: 'digital signatures' },
  definedName: { zh: '名称（名称管理器）', en: 'defined names' },
};

export type FeatureKind = keyof typeof FEATURES;

/** One kind of content the output lacks. */
export interface LostPart {
  kind: string;
  /** The sheet it was on, or null for workbook-wide parts. */
  sheet: string | null;
  /** How many the input had and the output lacks. */
  count: number;
  /** Names, where they help (defined names). */
  names?: string[];
  zh: string;
  en: string;
}

type Counts = Record<string, number>;

export interface PackageCensus {
  workbook: Counts;
  /** Sheet name → feature → count. */
  sheets: Map<string, Counts>;
  /** Defined names as `name` or `name@sheet` for sheet-scoped ones. */
  definedNames: string[];
}

function add(counts: Counts, kind: string, n: number): void {
  if (n > 0) counts[kind] = (counts[kind] || 0) + n;
}

/** Counts the features of an .xlsx (or .xlsm) package. Unreadable parts count as nothing. */
export async function censusOf(zip: JSZip): Promise<PackageCensus> {
  const files = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const workbook: Counts = {};
  const countFiles = (re: RegExp) => files.filter((p) => re.test(p)).length;
  add(workbook, 'macros', countFiles(/(^|\/)vbaProject\.bin$/i));
  add(workbook, 'externalLink', countFiles(/^xl\/externalLinks\/externalLink\d*\.xml$/i));
  add(workbook, 'connection', countFiles(/^xl\/connections\.xml$/i) + countFiles(/^xl\/queryTables\/[^/]+\.xml$/i));
  add(workbook, 'dataModel', countFiles(/^xl\/model\//i) ? 1 : 0);
  add(workbook, 'customXml', countFiles(/^customXml\/item\d*\.xml$/i));
  add(workbook, 'customProperties', countFiles(/^docProps\/custom\.xml$/i));
  add(workbook, 'webExtension', countFiles(/^xl\/webextensions\/webextension\d*\.xml$/i));
  add(workbook, 'richData', countFiles(/^xl\/richData\//i) ? 1 : 0);
  add(workbook, 'signature', countFiles(/^_xmlsignatures\/sig\d*\.xml$/i));

  const { workbookXml, sheets: parts } = await readSheetParts(zip);
  const sheets = new Map<string, Counts>();
  for (const part of parts) {
    const counts: Counts = { sheet: 1 };
    sheets.set(part.name, counts);
    // Every feature counted here lives outside the cells.
    const outside = part.path ? readPartOutsideCells(zip, part.path) : null;
    if (!outside) continue;
    const xml = await outside;
    add(counts, 'mergeCell', startTags(xml, 'mergeCell').length);
    add(counts, 'hyperlink', startTags(xml, 'hyperlink').length);
    add(counts, 'dataValidation', startTags(xml, 'dataValidation').length);
    add(counts, 'conditionalFormat', startTags(xml, 'cfRule').length);
    add(counts, 'sparkline', startTags(xml, 'sparkline').length);
    add(counts, 'control', startTags(xml, 'control').length);
    add(counts, 'oleObject', startTags(xml, 'oleObject').length);
    add(counts, 'autoFilter', startTags(xml, 'autoFilter').length);
    add(counts, 'sheetProtection', startTags(xml, 'sheetProtection').length);
    add(counts, 'backgroundPicture', startTags(xml, 'picture').length);
    add(counts, 'table', startTags(xml, 'tablePart').length);

    for (const rel of await readRels(zip, part.path)) {
      if (rel.external) continue;
      const kind = relKind(rel.type);
      if (kind === 'pivotTable') add(counts, 'pivotTable', 1);
      else if (kind === 'slicer') add(counts, 'slicer', startTags(await text(zip, rel.target), 'slicer').length || 1);
      else if (kind === 'timeline') add(counts, 'timeline', startTags(await text(zip, rel.target), 'timeline').length || 1);
      else if (kind === 'comments') add(counts, 'comment', startTags(await text(zip, rel.target), 'comment').length);
      else if (kind === 'threadedComment') add(counts, 'threadedComment', startTags(await text(zip, rel.target), 'threadedComment').length);
      else if (kind === 'drawing') {
        const drawing = await text(zip, rel.target);
        add(counts, 'image', startTags(drawing, 'pic').length);
        add(counts, 'shape', startTags(drawing, 'sp').length + startTags(drawing, 'cxnSp').length);
        for (const inner of await readRels(zip, rel.target)) {
          if (!inner.external && relKind(inner.type) === 'chart') add(counts, 'chart', 1);
          if (!inner.external && relKind(inner.type) === 'chartEx') add(counts, 'chart', 1);
        }
      }
    }
    // A chart sheet's chart hangs off its drawing too; a whole chart sheet is reported as a sheet.
  }

  const names: string[] = [];
  for (const tag of startTags(workbookXml, 'definedName')) {
    const a = attributesOf(tag);
    if (!a.name) continue;
    const scope = a.localSheetId !== undefined && parts[+a.localSheetId] ? '@' + parts[+a.localSheetId].name : '';
    names.push(a.name + scope);
  }
  return { workbook, sheets, definedNames: names };
}

async function text(zip: JSZip, path: string): Promise<string> {
  const part = readPart(zip, path);
  return part ? part : '';
}

/**
 * Everything the input has that the output lacks. `replacedSheets` are sheets we remove on purpose
 * (an older summary of the same month) and are not compared; extra content in the output is fine.
 */
export function compareCensus(input: PackageCensus, output: PackageCensus, replacedSheets: string[] = []): LostPart[] {
  const lost: LostPart[] = [];
  const push = (kind: string, sheet: string | null, count: number, names?: string[]) => {
    const info = FEATURES[kind] || { zh: kind, en: kind };
    const part: LostPart = { kind, sheet, count, zh: info.zh, en: info.en };
    if (names) part.names = names;
    lost.push(part);
  };
  for (const kind of Object.keys(input.workbook)) {
    const missing = input.workbook[kind] - (output.workbook[kind] || 0);
    if (missing > 0) push(kind, null, missing);
  }
  for (const [name, counts] of input.sheets) {
    if (replacedSheets.indexOf(name) >= 0) continue;
    const out = output.sheets.get(name);
    if (!out) {
      push('sheet', name, 1);
      continue;
    }
    for (const kind of Object.keys(counts)) {
      const missing = counts[kind] - (out[kind] || 0);
      if (missing > 0) push(kind, name, missing);
    }
  }
  const outNames = new Set(output.definedNames);
  const lostNames = input.definedNames.filter((n) => {
    if (outNames.has(n)) return false;
    const at = n.lastIndexOf('@');
    return !(at > 0 && replacedSheets.indexOf(n.slice(at + 1)) >= 0);
  });
  if (lostNames.length > 0) push('definedName', null, lostNames.length, lostNames);
  return lost;
}

/** Loads a package for the census; null when it is not a zip. */
export async function loadZip(buffer: Buffer | Uint8Array): Promise<JSZip | null> {
  try {
    return await JSZip.loadAsync(buffer);
  } catch {
    return null;
  }
}
