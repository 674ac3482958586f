/** Reading parts of a result package in tests: by name, a sheet by its tab name, a part with the cells' formats taken out. */
import JSZip from 'jszip';

export async function parts(buffer: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

/** The part name of the sheet with this tab name (relationships followed as written by the tool). */
export function sheetPath(all: Map<string, Buffer>, name: string): string {
  const workbook = all.get('xl/workbook.xml')!.toString('utf8');
  const rels = all.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp('<(?:\\w+:)?sheet [^>]*name="' + escaped + '"[^>]*>').exec(workbook);
  if (!tag) throw new Error('no sheet ' + name);
  const rid = /r:id="([^"]+)"/.exec(tag[0])![1];
  const target = new RegExp('<Relationship[^>]*Id="' + rid + '"[^>]*Target="([^"]+)"').exec(rels)![1];
  return target.startsWith('/') ? target.slice(1) : 'xl/' + target.replace(/^\.\//, '');
}

/**
 * A sheet's XML with every `s` attribute of a cell and every empty `<c r=".." s=".."/>` taken out:
 * what must be the same before and after colouring.
 */
export function withoutCellFormats(xml: string): string {
  return xml
    .replace(/<((?:\w+:)?)c r="[A-Z]+\d+" s="\d+"\/>/g, '')
    .replace(/<((?:\w+:)?c)(\s[^>]*?)?\s+s="\d+"/g, '<$1$2')
    .replace(/<((?:\w+:)?row)([^>]*)><\/\1>/g, '<$1$2/>');
}

/** Every sheet of a package as [tab name, its XML], in tab order (relationships followed as written). */
export function sheetXmls(all: Map<string, Buffer>): Array<[string, string]> {
  const workbook = all.get('xl/workbook.xml')!.toString('utf8');
  const rels = all.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const unescape = (t: string) => t.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const out: Array<[string, string]> = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet [^>]*>/g) || []) {
    const name = unescape((/name="([^"]*)"/.exec(tag) || /name='([^']*)'/.exec(tag))![1]);
    const rid = /r:id="([^"]+)"/.exec(tag)![1];
    const target = new RegExp('<Relationship[^>]*Id="' + rid + '"[^>]*Target="([^"]+)"').exec(rels)![1];
    const part = all.get(target.startsWith('/') ? target.slice(1) : 'xl/' + target.replace(/^\.\//, ''));
    if (part) out.push([name, part.toString('utf8')]);
  }
  return out;
}
