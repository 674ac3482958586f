/**
 * The cell formats the tool needs, made from the workbook's own: a row colour is the cell's own
 * format with only the fill (and, for red, yellow and green, the font colour) changed; the
 * summary sheet's formats start from the workbook's default font. Fonts, fills and borders are
 * reused when styles.xml already has an equal one.
 */
import { PALETTE } from '../../core/palette';
import type { Colour } from '../../core/types';
import type { Styles } from '../styles';
import { setAttribute, tagEnd } from '../xml/tags';

export interface FontChange {
  bold?: boolean;
  size?: number;
  /** `#RRGGBB` */
  colour?: string;
  underline?: boolean;
}

export interface CellLook {
  font: FontChange;
  fill?: string;
  border?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  text?: boolean;
}

const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
const BORDER_COLOUR = 'FFBFBFBF';

export class Formats {
  private readonly styles: Styles;
  private readonly p: string;

  constructor(styles: Styles) {
    this.styles = styles;
    this.p = styles.prefix;
  }

  /** A solid fill of `#RRGGBB`. */
  fill(hex: string): number {
    const p = this.p;
    const text = '<' + p + 'fill><' + p + 'patternFill patternType="solid"><' + p + 'fgColor rgb="FF' + hex.replace(/^#/, '').toUpperCase() + '"/><' + p + 'bgColor indexed="64"/></' + p + 'patternFill></' + p + 'fill>';
    return this.styles.findOrAdd('fills', text);
  }

  /** Font `fontId` with these changes (every other property kept). */
  font(fontId: number, change: FontChange): number {
    const base = this.styles.item('fonts', fontId) || this.styles.item('fonts', 0) || '<' + this.p + 'font/>';
    let text = base;
    if (change.bold !== undefined) text = setChild(text, 'b', change.bold ? '<' + this.p + 'b/>' : null, this.p);
    if (change.underline !== undefined) text = setChild(text, 'u', change.underline ? '<' + this.p + 'u/>' : null, this.p);
    if (change.size !== undefined) text = setChild(text, 'sz', '<' + this.p + 'sz val="' + change.size + '"/>', this.p);
    if (change.colour !== undefined) text = setChild(text, 'color', '<' + this.p + 'color rgb="FF' + change.colour.replace(/^#/, '').toUpperCase() + '"/>', this.p);
    return text === base && this.styles.item('fonts', fontId) !== undefined ? fontId : this.styles.findOrAdd('fonts', text);
  }

  /** The text of a cell format like `base` with the palette colour's fill (and font colour). */
  colouredXfText(base: number, colour: Colour): string {
    const text = this.styles.item('cellXfs', base) || this.styles.item('cellXfs', 0) || DEFAULT_XF;
    const xf = this.styles.xf(base) || { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 };
    const palette = PALETTE[colour];
    const end = tagEnd(text, 0);
    let open = text.slice(0, end);
    open = setAttribute(setAttribute(open, 'fillId', String(this.fill(palette.fill))), 'applyFill', '1');
    if (palette.font) open = setAttribute(setAttribute(open, 'fontId', String(this.font(xf.fontId, { colour: palette.font }))), 'applyFont', '1');
    return open + text.slice(end);
  }

  /** A format for a cell of the summary sheet; an equal one (not one of `exclude`) is reused. */
  summaryXf(look: CellLook, exclude: (index: number) => boolean): number {
    const p = this.p;
    const fontId = this.font(0, look.font);
    const fillId = look.fill ? this.fill(look.fill) : 0;
    let borderId = 0;
    if (look.border) {
      const side = (name: string) => '<' + p + name + ' style="thin"><' + p + 'color rgb="' + BORDER_COLOUR + '"/></' + p + name + '>';
      borderId = this.styles.findOrAdd('borders', '<' + p + 'border>' + side('left') + side('right') + side('top') + side('bottom') + '<' + p + 'diagonal/></' + p + 'border>');
    }
    const alignment =
      '<' + p + 'alignment' + (look.align ? ' horizontal="' + look.align + '"' : '') + ' vertical="center"' + (look.wrap ? ' wrapText="1"' : '') + '/>';
    const text =
      '<' + p + 'xf numFmtId="' + (look.text ? 49 : 0) + '" fontId="' + fontId + '" fillId="' + fillId + '" borderId="' + borderId + '" xfId="0"' +
      (look.text ? ' applyNumberFormat="1"' : '') + ' applyFont="1"' + (fillId ? ' applyFill="1"' : '') + (borderId ? ' applyBorder="1"' : '') +
      ' applyAlignment="1">' + alignment + '</' + p + 'xf>';
    return this.styles.findOrAdd('cellXfs', text, 0, exclude);
  }
}

/** Replaces (or, with null, removes) the child `local` of a font; adds it when missing. */
function setChild(font: string, local: string, replacement: string | null, p: string): string {
  const re = new RegExp('<(?:[\\w.-]+:)?' + local + '(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?' + local + '>)');
  if (re.test(font)) return font.replace(re, replacement || '');
  if (replacement === null) return font;
  if (/\/>\s*$/.test(font) && font.indexOf('</') < 0) return font.replace(/\s*\/>\s*$/, '>' + replacement + '</' + p + 'font>');
  // Before the name (Excel's order puts b, i, u, sz and color first), else before the end.
  const name = /<(?:[\w.-]+:)?(?:name|family|charset|scheme)(?=[\s/>])/.exec(font);
  const at = name ? name.index : font.lastIndexOf('</');
  return font.slice(0, at) + replacement + font.slice(at);
}
