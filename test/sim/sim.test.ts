/**
 * The simulator behaves like the Office.js proxy model where the adapter relies on it: loads
 * before sync, shape checks, requirement sets, size limits, faults, protection, RangeAreas limits.
 */
import { createSim, installGlobals, MAX_MERGED_AREAS, type Sim } from '.';

function sim(apiVersion = '1.9', limitBytes?: number): Sim {
  return createSim({
    apiVersion,
    limitBytes,
    sheets: [
      { name: '表一', values: [['a', 1], ['b', 2]], fills: { A1: '#FFFF00' }, fonts: { B2: '#0000FF' } },
      { name: '锁定', values: [['x']], protected: true },
    ],
  });
}

async function run<T>(s: Sim, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return s.Excel.run(batch);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code || String(e);
  }
}

describe('proxy semantics', () => {
  test('a property read before sync throws PropertyNotLoaded; after load and sync it is there', async () => {
    const s = sim();
    await run(s, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表一').getRange('A1:B2');
      expect(() => r.values).toThrow(/not available/);
      r.load('values,address');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([['a', 1], ['b', 2]]);
      expect(r.address).toBe('表一!$A$1:$B$2');
      expect(() => r.rowCount).toThrow(/not available/);
    });
  });

  test('a collection’s items need load and sync', async () => {
    const s = sim();
    await run(s, async (ctx) => {
      const ws = ctx.workbook.worksheets;
      expect(() => ws.items).toThrow(/not available/);
      ws.load('items/name');
      await ctx.sync();
      expect(ws.items.map((w) => w.name)).toEqual(['表一', '锁定']);
      expect(() => ws.items[0].visibility).toThrow(/not available/);
    });
  });

  const shapes: Array<[string, unknown, string]> = [
    ['right shape', [['x', 'y'], ['z', 1]], 'ok'],
    ['too few rows', [['x', 'y']], 'InvalidArgument'],
    ['ragged', [['x'], ['z', 1]], 'InvalidArgument'],
    ['not an array', 'x', 'InvalidArgument'],
  ];
  test.each(shapes)('values of %s → %s', async (_n, values, code) => {
    const s = sim();
    expect(
      await codeOf(
        run(s, async (ctx) => {
          ctx.workbook.worksheets.getItem('表一').getRange('A1:B2').values = values as unknown[][];
          await ctx.sync();
        }),
      ),
    ).toBe(code);
  });

  test('text starting with = becomes a formula unless the cell is formatted as text', async () => {
    const s = sim();
    await run(s, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表一');
      ws.getRange('C1').values = [['=cmd|x']];
      const t = ws.getRange('C2');
      t.numberFormat = [['@']];
      t.values = [['=cmd|x']];
      ws.getRange('C3').values = [['12']];
      await ctx.sync();
    });
    expect(s.workbook.cellAt('表一', 1, 3)!.formula).toBe('=cmd|x');
    expect(s.workbook.cellAt('表一', 2, 3)).toMatchObject({ value: '=cmd|x' });
    expect(s.workbook.cellAt('表一', 2, 3)!.formula).toBeUndefined();
    expect(s.workbook.cellAt('表一', 3, 3)!.value).toBe(12);
  });

  test('a range fill reads as the common colour, #FFFFFF for none, null when mixed', async () => {
    const s = sim();
    await run(s, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表一');
      const a = ws.getRange('A1').format.fill;
      const b = ws.getRange('B1').format.fill;
      const mixed = ws.getRange('A1:B1').format.fill;
      [a, b, mixed].forEach((f) => f.load('color'));
      await ctx.sync();
      expect([a.color, b.color, mixed.color]).toEqual(['#FFFF00', '#FFFFFF', null]);
    });
  });
});

describe('requirement sets', () => {
  const members: Array<[string, (ctx: Excel.RequestContext) => void]> = [
    ['Worksheet.getRanges (1.9)', (ctx) => (ctx.workbook.worksheets.getItem('表一').getRanges('A1,B2').format.fill.color = '#FF0000')],
    ['Range.getCellProperties (1.9)', (ctx) => void ctx.workbook.worksheets.getItem('表一').getRange('A1').getCellProperties({ format: { fill: { color: true } } })],
    ['Application.suspendApiCalculationUntilNextSync (1.6)', (ctx) => ctx.workbook.application.suspendApiCalculationUntilNextSync()],
    ['Range.hyperlink (1.7)', (ctx) => (ctx.workbook.worksheets.getItem('表一').getRange('A1').hyperlink = { documentReference: '表一!A2' })],
    ['WorksheetProtection.protected (1.2)', (ctx) => void ctx.workbook.worksheets.getItem('表一').protection.load('protected')],
    ['Range.merge (1.2)', (ctx) => ctx.workbook.worksheets.getItem('表一').getRange('A1:B1').merge(false)],
  ];
  test.each(members)('%s: ApiNotFound on 1.1, fine on 1.9', async (_n, use) => {
    for (const [v, code] of [['1.1', 'ApiNotFound'], ['1.9', 'ok']]) {
      const s = sim(v);
      expect(
        await codeOf(
          run(s, async (ctx) => {
            use(ctx);
            await ctx.sync();
          }),
        ),
      ).toBe(code);
    }
  });
  test.each([['1.1', '1.1', true], ['1.1', '1.2', false], ['1.9', '1.7', true], ['1.9', '1.10', false], ['1.17', '1.9', true]])(
    'host %s: isSetSupported(ExcelApi, %s) is %s',
    (host, want, yes) => {
      expect(sim(host).Office.context.requirements.isSetSupported('ExcelApi', want)).toBe(yes);
    },
  );
});

describe('limits, faults, protection', () => {
  test('a request over the limit is refused whole; nothing applied', async () => {
    const s = sim('1.9', 2000);
    const big = [Array.from({ length: 200 }, () => 'xxxxxxxxxx')];
    const code = await codeOf(
      run(s, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('表一');
        ws.getRange('A1').format.fill.color = '#FF0000';
        ws.getRange('A5:GR5').values = big;
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(s.workbook.fillAt('表一', 1, 1)).toBe('#FFFF00');
    expect(s.stats.requestBytes[0]).toBeGreaterThan(2000);
  });

  test('a response over the limit fails the sync', async () => {
    const s = sim('1.9');
    await run(s, async (ctx) => {
      ctx.workbook.worksheets.getItem('表一').getRange('A1').values = [['长'.repeat(500)]];
      await ctx.sync();
    });
    s.host.limitBytes = 1000;
    expect(
      await codeOf(
        run(s, async (ctx) => {
          ctx.workbook.worksheets.getItem('表一').getRange('A1:B2').load('values');
          await ctx.sync();
        }),
      ),
    ).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test.each([0, 1, 2, 3])('failSync(1, %i) applies that many commands, then throws', async (k) => {
    const s = sim();
    s.failSync(1, k);
    const code = await codeOf(
      run(s, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('表一');
        ws.getRange('A1').format.fill.color = '#000001';
        ws.getRange('A2').format.fill.color = '#000002';
        ws.getRange('B1').format.fill.color = '#000003';
        await ctx.sync();
      }),
    );
    expect(code).toBe('GeneralException');
    const applied = [s.workbook.fillAt('表一', 1, 1) === '#000001', s.workbook.fillAt('表一', 2, 1) === '#000002', s.workbook.fillAt('表一', 1, 2) === '#000003'];
    expect(applied).toEqual([0, 1, 2].map((i) => i < k));
  });

  test('writes to a protected sheet fail with AccessDenied; commands before stay applied', async () => {
    const s = sim();
    const code = await codeOf(
      run(s, async (ctx) => {
        ctx.workbook.worksheets.getItem('表一').getRange('B1').format.fill.color = '#00FF00';
        ctx.workbook.worksheets.getItem('锁定').getRange('A1').format.fill.color = '#00FF00';
        await ctx.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(s.workbook.fillAt('表一', 1, 2)).toBe('#00FF00');
    expect(s.workbook.fillAt('锁定', 1, 1)).toBeNull();
  });

  test.each([
    ['500 areas', 'ok', Array.from({ length: 500 }, (_, i) => 'A' + (i + 1)).join(',')],
    ['501 areas', 'InvalidArgument', Array.from({ length: 501 }, (_, i) => 'A' + (i + 1)).join(',')],
    ['over 8,000 characters', 'InvalidArgument', Array.from({ length: 450 }, (_, i) => 'AAA' + (i + 10000) + ':AAZ' + (i + 10000)).join(',')],
  ])('getRanges with %s → %s', async (_n, code, address) => {
    const s = sim();
    expect(
      await codeOf(
        run(s, async (ctx) => {
          ctx.workbook.worksheets.getItem('表一').getRanges(address).format.fill.color = '#123456';
          await ctx.sync();
        }),
      ),
    ).toBe(code);
  });

  test('cell-edit mode fails every sync; getItem of a missing sheet is ItemNotFound', async () => {
    const s = sim();
    const missing = run(s, async (ctx) => {
      ctx.workbook.worksheets.getItem('无').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(await codeOf(missing)).toBe('ItemNotFound');
    s.setBusy(true);
    const list = run(s, async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
    });
    expect(await codeOf(list)).toBe('InvalidOperationInCellEditMode');
  });

  test('a sync with nothing queued sends nothing (as in Office.js): not counted, never refused', async () => {
    const s = sim();
    s.setBusy(true);
    expect(await codeOf(run(s, async (ctx) => ctx.sync()))).toBe('ok');
    expect(s.stats.syncs).toBe(0);
  });

  test('installGlobals puts Excel and Office on globalThis and takes them away', () => {
    const s = sim();
    const done = installGlobals(s);
    expect((globalThis as unknown as { Excel: unknown }).Excel).toBe(s.Excel);
    done();
    expect((globalThis as unknown as { Excel?: unknown }).Excel).toBeUndefined();
  });
});

describe('merged areas (Range.getMergedAreasOrNullObject, ExcelApi 1.13)', () => {
  // A log with a date merged over B3:B5, a leader over C3:C4, a title across A1:D1 and an area
  // D7:E8 below the table; values given for the areas' other cells are dropped, as Excel keeps none.
  function merged(apiVersion: string): Sim {
    return createSim({
      apiVersion,
      sheets: [
        {
          name: '记录',
          values: [
            ['标题', '', '', ''],
            ['序号', '日期', '领导', '地点'],
            [1, 43689, '郭环球', '刘家村'],
            [2, '丢掉', '丢掉', '童子山村'],
            [3, '', '', '和平加油站'],
            [4, 43690, '熊丹', '九龙洞'],
          ],
          merges: ['A1:D1', 'B3:B5', 'C3:C4', 'D7:E8'],
        },
      ],
    });
  }

  type Area = [number, number, number, number];
  async function areasOf(s: Sim, address: string): Promise<{ isNull: boolean; areas: Area[] | null }> {
    return run(s, async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('记录').getRange(address).getMergedAreasOrNullObject();
      const areas = m.areas;
      areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
      await ctx.sync();
      if (m.isNullObject) {
        expect(areas.isNullObject).toBe(true);
        expect(() => areas.items).toThrow(/null object/);
        return { isNull: true, areas: null };
      }
      return { isNull: false, areas: areas.items.map((r): Area => [r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]) };
    });
  }

  // [range asked, areas reported: 0-based rowIndex, columnIndex, rowCount, columnCount]
  const cases: Array<[string, Area[] | null]> = [
    ['A1:E8', [[0, 0, 1, 4], [2, 1, 3, 1], [2, 2, 2, 1], [6, 3, 2, 2]]],
    // areas starting in the range are reported whole, even where they run past its end
    ['A3:D3', [[2, 1, 3, 1], [2, 2, 2, 1]]],
    ['B3', [[2, 1, 3, 1]]],
    // an area that only intersects the range, its top-left outside, is not (as Excel: office-js#3611)
    ['B4:D6', null],
    ['E8', null],
    // no merged area there at all: a null object, not an error
    ['F1:H20', null],
    ['A2:D2', null],
  ];
  test.each(cases)('%s → %j', async (address, expected) => {
    const got = await areasOf(merged('1.13'), address);
    expect(got).toEqual({ isNull: expected === null, areas: expected });
  });

  test('values: the merged value in the top-left cell only, as Excel gives it', () => {
    const s = merged('1.13');
    expect(s.workbook.valuesOf('记录').slice(2, 5).map((r) => r.slice(0, 3))).toEqual([[1, 43689, '郭环球'], [2, '', ''], [3, '', '']]);
    expect(s.workbook.merges('记录')).toEqual(['A1:D1', 'B3:B5', 'C3:C4', 'D7:E8']);
  });

  test.each([
    ['1.1', 'ApiNotFound'],
    ['1.9', 'ApiNotFound'],
    ['1.12', 'ApiNotFound'],
    ['1.13', 'ok'],
    ['1.17', 'ok'],
  ])('on ExcelApi %s → %s (1.13 is above 1.9: versions compare as numbers)', async (apiVersion, code) => {
    const s = merged(apiVersion);
    expect(await codeOf(areasOf(s, 'A1:E8'))).toBe(code);
    expect(s.Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(code === 'ok');
    // the same through the RangeAreas' own properties
    expect(
      await codeOf(
        run(s, async (ctx) => {
          ctx.workbook.worksheets.getItem('记录').getRange('A1:E8').getMergedAreasOrNullObject().load('address');
          await ctx.sync();
        }),
      ),
    ).toBe(code);
  });

  test('isNullObject and the loaded properties need a sync; a null object loads its properties as null', async () => {
    const s = merged('1.13');
    await run(s, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('记录');
      const some = ws.getRange('A1:E8').getMergedAreasOrNullObject();
      const none = ws.getRange('F1:H20').getMergedAreasOrNullObject();
      some.load('address,areaCount');
      none.load('address,areaCount');
      expect(() => some.isNullObject).toThrow(/not available/);
      expect(() => some.areaCount).toThrow(/not available/);
      await ctx.sync();
      expect([some.isNullObject, some.areaCount, some.address]).toEqual([false, 4, '记录!$A$1:$D$1,记录!$B$3:$B$5,记录!$C$3:$C$4,记录!$D$7:$E$8']);
      expect([none.isNullObject, none.areaCount, none.address]).toEqual([true, null, null]);
    });
  });

  test('one load per sheet: the method is a path, not a command; the answer is counted in the response', async () => {
    const s = merged('1.13');
    await areasOf(s, 'A1:E8');
    expect(s.stats.commandsPerSync).toEqual([1]);
    expect(s.stats.responseBytes[0]).toBeGreaterThan(4 * 40);
  });

  test(`more than ${MAX_MERGED_AREAS} areas in the range: the sync fails (GeneralException)`, async () => {
    const rows = MAX_MERGED_AREAS + 1;
    const values = Array.from({ length: rows * 2 }, (_, i) => [i % 2 ? '' : 'x' + i]);
    const merges = Array.from({ length: rows }, (_, i) => 'A' + (2 * i + 1) + ':A' + (2 * i + 2));
    const s = createSim({ apiVersion: '1.13', sheets: [{ name: '记录', values, merges }] });
    expect(await codeOf(areasOf(s, 'A1:A' + rows * 2))).toBe('GeneralException');
    expect(await codeOf(areasOf(s, 'A1:A' + (rows * 2 - 2)))).toBe('ok');
  });

  test.each([
    ['one cell', ['B3']],
    ['not an address', ['B3:']],
    ['overlapping areas', ['B3:B5', 'A5:C5']],
  ])('a bad merged area in the init (%s) is a fixture error', (_n, merges) => {
    expect(() => createSim({ sheets: [{ name: '记录', values: [['x']], merges }] })).toThrow(/merged area/);
  });
});
