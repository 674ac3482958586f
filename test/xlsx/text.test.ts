/** Excel's `_xHHHH_` escapes for cell text XML cannot carry (src/xlsx/xml/text.ts), both ways. */
import { decodeExcelEscapes, escapeCellText, xmlCellText } from '../../src/xlsx/xml/text';

test.each([
  ['普通文本', '普通文本'],
  ['换行\n和\t制表符\r', '换行\n和\t制表符\r'],
  ['响铃\u0007', '响铃_x0007_'],
  ['\u0000空字符', '_x0000_空字符'],
  ['转义\u001B[31m', '转义_x001B_[31m'],
  ['\uFFFE\uFFFF', '_xFFFE__xFFFF_'],
  ['_x0041_', '_x005F_x0041_'],
  ['a_x00e9_b', 'a_x005F_x00e9_b'],
  ['_x12_ 不是转义', '_x12_ 不是转义'],
  ["=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"],
])('%j → %j, and reads back unchanged', (text, escaped) => {
  expect(escapeCellText(text)).toBe(escaped);
  expect(decodeExcelEscapes(escapeCellText(text))).toBe(text);
});

test('markup characters become entities after the escapes', () => {
  expect(xmlCellText('<a & b>\u0007')).toBe('&lt;a &amp; b&gt;_x0007_');
});
