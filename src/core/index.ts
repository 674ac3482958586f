/**
 * The public API of the pure core, shared by the command-line tool, the Excel add-in and the
 * benchmark. Nothing here touches Office, the DOM, Node or the clock.
 */
export * from './types';
export { checkWorkbook, isOwnSheet, summarySheetName, SUMMARY_SHEET_PREFIX, STATE_SHEET_PREFIX } from './check';
export { columnLetters } from './address';
export { layoutSummary, lineWidth, rowHeights, INFO_LINE_WIDTH } from './layout';
export { toJsonReport } from './report';
export { clerkListing, countsLine, itemReason, itemsByColour, otherItemsLine } from './listing';
export type { ClerkItem, ClerkItemKind, ClerkListing } from './listing';
export { buildSummary, dataProblems, ignoredSheetsLine, sitesCell, SUMMARY_TABLE_LIMIT } from './summary';
export { groupName, missingConsequence, readingGroups, readingLine } from './reading';
export type { ReadingField, ReadingGroup } from './reading';
export { PALETTE, STATUS_COLOUR, STATUS_LABEL, MEETING_STATUS_LABEL, STATUS_SEVERITY, COLOUR_LABEL, COLOURS, UNCOLOURED_LABEL, worse } from './palette';
export { DEFAULT_SETTINGS } from './defaults';
export {
  dayFromYmd,
  ymdFromDay,
  formatIso,
  formatMonth,
  formatMonthDay,
  formatChinese,
  parseIsoDay,
  parseIsoMonth,
  dayFromExcelSerial,
  excelSerialFromDay,
} from './day';
export { ALL_RULES } from './rules';
export { formatMessage } from './messages';
