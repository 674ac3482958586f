/** Excel's `_xHHHH_` escapes for text ExcelJS's writer would drop or misread (src/cli/xml-text.ts). */
import { escapeCellText, needsEscape } from '../../src/cli/xml-text';

// What ExcelJS's reader does with the text of a <t> element.
const excelJsDecode = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

test.each([
  ['普通文本', false, '普通文本'],
  ['换行\n和\t制表符\r', false, '换行\n和\t制表符\r'],
  ['响铃\u0007', true, '响铃_x0007_'],
  ['\u0000空字符', true, '_x0000_空字符'],
  ['转义\u001B[31m', true, '转义_x001B_[31m'],
  ['删除\u007F', true, '删除_x007F_'],
  ['\uFFFE\uFFFF', true, '_xFFFE__xFFFF_'],
  ['_x0041_', true, '_x005F_x0041_'],
  ['a_x00e9_b', true, 'a_x005F_x00e9_b'],
  ['_x12_ 不是转义', false, '_x12_ 不是转义'],
  ["=cmd|' /C calc'!A0", false, "=cmd|' /C calc'!A0"],
])('%j: needs escape %s → %j, and reads back unchanged', (text, needs, escaped) => {
  expect(needsEscape(text)).toBe(needs);
  expect(escapeCellText(text)).toBe(escaped);
  expect(excelJsDecode(escapeCellText(text))).toBe(text);
});
