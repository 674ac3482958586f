/**
 * The tool's memory of the formats it replaced, kept inside the result workbook so that a later
 * run (on the result itself) can put back the clerk's own format on a row that is no longer
 * flagged, and so that running twice gives the same file as running once.
 *
 * Every cell format the tool appends for a row colour is listed in a custom XML part
 * (`customXml/itemN.xml`, namespace {@link MEMORY_NS}) with the format it was made from and how
 * the cell got it (see {@link How}). Excel and WPS keep
 * custom XML parts when they save. Before it is trusted, each entry is checked against styles.xml
 * (the coloured format must still have the palette fill and the same number format and border
 * as its original); when a program has renumbered the formats, the memory is ignored and the
 * colours of the earlier run stay as they are (the run says so).
 */
import type { Colour } from '../core/types';
import { PALETTE } from '../core/palette';
import type { Package } from './opc';
import type { Styles } from './styles';
import type { WorkbookInfo } from './read/workbook';
import { attributesOf, scanTags } from './xml/tags';

export const MEMORY_NS = 'urn:anquan-lvzhi-jiancha:cell-formats:1';
/** The data store id of the memory part; fixed, so the part's bytes never depend on the run. */
export const MEMORY_ITEM_ID = '{5B0D4C3E-7C1A-4E39-9D55-2D6F1A0C8E41}';

/**
 * How a cell got its coloured format: `attr` its `s` was replaced, `absent` it had none and got
 * one, `inserted` the cell was added to a row, `opened` added to a row written `<row …/>` (opened
 * to hold it), `row` added in a row the tool wrote (the sheet had none).
 */
export type How = 'attr' | 'absent' | 'inserted' | 'opened' | 'row';
export const HOWS: How[] = ['attr', 'absent', 'inserted', 'opened', 'row'];

export interface MemoryEntry {
  xf: number;
  base: number;
  how: How;
  colour: Colour;
}

export interface Memory {
  /** The item part holding the memory, when the input has one. */
  part: string | null;
  entries: MemoryEntry[];
  /** False when a memory part exists but no longer matches styles.xml (it is then not used). */
  trusted: boolean;
}

const COLOURS: Colour[] = ['red', 'orange', 'yellow', 'green', 'grey'];

export function readMemory(pkg: Package, wb: WorkbookInfo, styles: Styles): Memory {
  for (const rel of wb.rels) {
    if (rel.kind !== 'customXml' || !rel.target || !pkg.has(rel.target)) continue;
    const xml = pkg.text(rel.target) || '';
    if (xml.indexOf(MEMORY_NS) < 0) continue;
    const entries: MemoryEntry[] = [];
    for (const t of scanTags(xml)) {
      if (t.local !== 'xf' || t.type === 'close') continue;
      const a = attributesOf(xml, t);
      const how = a.how as How;
      const colour = a.colour as Colour;
      if (!/^\d+$/.test(a.i || '') || !/^\d+$/.test(a.base || '') || HOWS.indexOf(how) < 0 || COLOURS.indexOf(colour) < 0) {
        return { part: pkg.storedName(rel.target), entries: [], trusted: false };
      }
      entries.push({ xf: +a.i, base: +a.base, how, colour });
    }
    const trusted = entries.every((e) => matchesStyles(e, styles));
    return { part: pkg.storedName(rel.target), entries: trusted ? entries : [], trusted };
  }
  return { part: null, entries: [], trusted: true };
}

function matchesStyles(e: MemoryEntry, styles: Styles): boolean {
  const xf = styles.xf(e.xf);
  const base = styles.xf(e.base);
  if (!xf || !base || e.xf === e.base) return false;
  if (xf.numFmtId !== base.numFmtId || xf.borderId !== base.borderId) return false;
  const fill = styles.item('fills', xf.fillId) || '';
  return fill.toUpperCase().indexOf(PALETTE[e.colour].fill.slice(1).toUpperCase()) >= 0;
}

export function serializeMemory(entries: MemoryEntry[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cellFormats xmlns="' + MEMORY_NS + '">' +
    entries.map((e) => '<xf i="' + e.xf + '" base="' + e.base + '" how="' + e.how + '" colour="' + e.colour + '"/>').join('') +
    '</cellFormats>'
  );
}

export function serializeMemoryProps(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    '<ds:datastoreItem ds:itemID="' + MEMORY_ITEM_ID + '" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">' +
    '<ds:schemaRefs><ds:schemaRef ds:uri="' + MEMORY_NS + '"/></ds:schemaRefs></ds:datastoreItem>'
  );
}
