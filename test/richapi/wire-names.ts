/**
 * The simulator's members as Microsoft's client names them on the wire, class by class: the one
 * table the RichApi host (./host.ts) translates ObjectPaths and Actions through. A member that is
 * not here is an error answered to the client (ApiNotFound), never a silent no-op: when the adapter
 * starts using a new member, it has to be added here and to the simulator (test/sim/sim.ts).
 *
 * Wire names are the JavaScript names in PascalCase, except where the client says otherwise
 * (measured from @microsoft/office-js, ../../shared/notes/richapi-protocol.md): `showGridlines` is
 * set as `Gridlines` but read back as `ShowGridlines`. Query answers use PascalCase keys; the
 * `Select` of a query uses the JavaScript names.
 */

export interface WireScalar {
  /** Key of the property in a Query answer. */
  key: string;
  /** Name of a SetProperty action; absent when the property is read-only. */
  set?: string;
}

export interface WireClass {
  /** Scalar properties by JavaScript name. */
  scalars?: { [js: string]: WireScalar };
  /** Navigation properties (ObjectPathType 4) by wire name → JavaScript name. */
  navigation?: { [wire: string]: string };
  /** Methods that make an object (ObjectPathType 3) by wire name → JavaScript name. */
  paths?: { [wire: string]: string };
  /** Methods run as actions (ActionType 3) by wire name → JavaScript name. */
  methods?: { [wire: string]: string };
  /** JavaScript method behind an indexer path (ObjectPathType 5), e.g. `worksheets.getItem`. */
  indexer?: string;
  /** A collection of this class: Query answers `{ _Items: [...] }` of its items. */
  items?: string;
}

/** `name` → `{ key: 'Name', set: 'Name' }` (settable) or read-only with `ro`. */
function scalars(settable: string[], readOnly: string[] = [], aliases: { [js: string]: string } = {}): { [js: string]: WireScalar } {
  const pascal = (js: string) => js.charAt(0).toUpperCase() + js.slice(1);
  const out: { [js: string]: WireScalar } = {};
  for (const js of settable) out[js] = { key: pascal(js), set: aliases[js] || pascal(js) };
  for (const js of readOnly) out[js] = { key: pascal(js) };
  return out;
}

export const WIRE: { [type: string]: WireClass } = {
  Workbook: { navigation: { Worksheets: 'worksheets', Application: 'application' } },
  Application: { methods: { SuspendApiCalculationUntilNextSync: 'suspendApiCalculationUntilNextSync' } },
  WorksheetCollection: {
    items: 'Worksheet',
    indexer: 'getItem',
    paths: { Add: 'add', GetActiveWorksheet: 'getActiveWorksheet' },
  },
  Worksheet: {
    scalars: scalars(['name', 'position', 'visibility', 'showGridlines'], ['id'], { showGridlines: 'Gridlines' }),
    navigation: { Protection: 'protection', PageLayout: 'pageLayout', Charts: 'charts' },
    paths: { GetRange: 'getRange', GetRanges: 'getRanges', GetUsedRange: 'getUsedRange' },
    methods: { Activate: 'activate', Delete: 'delete' },
  },
  WorksheetProtection: { scalars: scalars([], ['protected']) },
  PageLayout: { scalars: scalars(['orientation', 'paperSize', 'zoom', 'firstPageNumber']), navigation: { HeadersFooters: 'headersFooters' } },
  HeaderFooterGroup: { navigation: { DefaultForAllPages: 'defaultForAllPages' } },
  HeaderFooter: { scalars: scalars(['centerFooter']) },
  Range: {
    scalars: scalars(['values', 'numberFormat', 'hyperlink'], ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']),
    navigation: { Format: 'format' },
    paths: {
      GetCell: 'getCell',
      GetOffsetRange: 'getOffsetRange',
      GetRow: 'getRow',
      GetLastRow: 'getLastRow',
      GetBoundingRect: 'getBoundingRect',
      GetMergedAreasOrNullObject: 'getMergedAreasOrNullObject',
    },
    methods: { GetCellProperties: 'getCellProperties', Merge: 'merge', Select: 'select', Clear: 'clear', _ValidateArraySize: '_ValidateArraySize' },
  },
  RangeAreas: {
    scalars: scalars([], ['address', 'areaCount']),
    navigation: { Format: 'format', Areas: 'areas' },
  },
  RangeCollection: { items: 'Range' },
  RangeFormat: {
    scalars: scalars(['wrapText', 'horizontalAlignment', 'verticalAlignment', 'columnWidth', 'rowHeight']),
    navigation: { Fill: 'fill', Font: 'font', Borders: 'borders' },
    methods: { AutofitRows: 'autofitRows', AutofitColumns: 'autofitColumns' },
  },
  RangeFill: { scalars: scalars(['color'], ['pattern']), methods: { Clear: 'clear' } },
  RangeFont: { scalars: scalars(['color', 'bold', 'size', 'underline']) },
  RangeBorderCollection: { indexer: 'getItem' },
  RangeBorder: { scalars: scalars(['style', 'color']) },
  ChartCollection: { scalars: scalars([], ['count']), paths: { Add: 'add' } },
  Chart: { navigation: { Title: 'title', Series: 'series' }, methods: { SetPosition: 'setPosition' } },
  ChartTitle: { scalars: scalars(['text']) },
  ChartSeriesCollection: { paths: { GetItemAt: 'getItemAt' } },
  ChartSeries: { methods: { SetXAxisValues: 'setXAxisValues' } },
};
