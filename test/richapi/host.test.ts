/**
 * The RichApi host answers as Excel does, and the simulator and Microsoft's client agree:
 * - the protocol, request by request (hand-written JSON: the answer to each action type, the
 *   errors with their ActionIndex, an unknown member refused, the limit on the real JSON);
 * - what only the real client shows (object paths kept or not, empty syncs, the requirement
 *   matrix, value writes cut into slices), checked against the simulator alone, which must agree.
 */
import { createSim, type Sim, type SimSheetInit } from '../sim';
import { realClient, type RealClient } from './client';
import { RichApiHost, type WireRequest } from './host';

const SHEETS: SimSheetInit[] = [
  { name: '检查记录', values: [['日期', '领导'], [43700, '熊丹']], fills: { A2: '#FFFF00' } },
  { name: '锁定', values: [['x']], protected: true },
];

let client: RealClient;
beforeAll(() => {
  client = realClient();
});

/** A simulator at `apiVersion` with a RichApi host in front of it, the real client connected. */
function hosted(apiVersion = '1.13', limitBytes?: number): { sim: Sim; host: RichApiHost } {
  const sim = createSim({ sheets: SHEETS, apiVersion, limitBytes });
  const host = new RichApiHost(sim.host);
  client.connect(host, apiVersion, sim.Office.context.document.settings);
  return { sim, host };
}

/** Sends one hand-written request body to the host and parses the answer. */
async function send(host: RichApiHost, body: WireRequest): Promise<{ Results?: Array<{ ActionId: number; Value: unknown }>; Error?: { Code: string; Message: string; ActionIndex: number } }> {
  return JSON.parse(await host.process(JSON.stringify(body)));
}

// Object paths: 1 workbook, 2 its worksheets, 3 the log by name, 4 A1:B2 of it, 5 its format, 6 the fill.
const PATHS: WireRequest['ObjectPaths'] = {
  1: { Id: 1, ObjectPathType: 1, Name: '' },
  2: { Id: 2, ObjectPathType: 4, Name: 'Worksheets', ParentObjectPathId: 1 },
  3: { Id: 3, ObjectPathType: 5, Name: '', ParentObjectPathId: 2, ArgumentInfo: { Arguments: ['检查记录'] } },
  4: { Id: 4, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 3, ArgumentInfo: { Arguments: ['A1:B2'] } },
  5: { Id: 5, ObjectPathType: 4, Name: 'Format', ParentObjectPathId: 4 },
  6: { Id: 6, ObjectPathType: 4, Name: 'Fill', ParentObjectPathId: 5 },
};

describe('the protocol, request by request', () => {
  test('Instantiate: {} for an object, _ReferenceId once kept, null for a null object; Query: PascalCase keys and _Items', async () => {
    const { sim, host } = hosted();
    const out = await send(host, {
      ObjectPaths: {
        ...PATHS,
        7: { Id: 7, ObjectPathType: 3, Name: 'GetMergedAreasOrNullObject', ParentObjectPathId: 4, ArgumentInfo: { Arguments: [] } },
      },
      Actions: [
        { Id: 10, ActionType: 1, Name: '', ObjectPathId: 4 },
        { Id: 11, ActionType: 3, Name: '_KeepReference', ObjectPathId: 4, ArgumentInfo: { Arguments: [] } },
        { Id: 12, ActionType: 1, Name: '', ObjectPathId: 4 },
        { Id: 13, ActionType: 2, Name: '', ObjectPathId: 4, QueryInfo: { Select: ['values', 'rowIndex', 'address'] } },
        { Id: 14, ActionType: 1, Name: '', ObjectPathId: 7 },
        { Id: 15, ActionType: 2, Name: '', ObjectPathId: 2, QueryInfo: { Select: ['name', 'visibility'] } },
        { Id: 16, ActionType: 2, Name: '', ObjectPathId: 6, QueryInfo: { Select: ['color', 'pattern'] } },
      ],
    });
    expect(out.Error).toBeUndefined();
    const value = (id: number) => out.Results!.filter((r) => r.ActionId === id)[0].Value;
    expect(value(10)).toEqual({});
    expect(value(12)).toEqual({ _ReferenceId: expect.stringMatching(/Range$/) });
    expect(value(13)).toEqual({ Values: [['日期', '领导'], [43700, '熊丹']], RowIndex: 0, Address: '检查记录!$A$1:$B$2' });
    expect(value(14)).toBeNull();
    expect(value(15)).toEqual({ _Items: [{ Name: '检查记录', Visibility: 'Visible' }, { Name: '锁定', Visibility: 'Visible' }] });
    // Mixed fills read as null, as Excel reports a property the cells do not share.
    expect(value(16)).toEqual({ Color: null, Pattern: null });
    expect(sim.stats.syncs).toBe(1);
    expect(host.requests.map((r) => r.kind)).toEqual(['sync']);
  });

  test('Query through navigation: a selected `protection/protected` and an expanded `protection` answer nested', async () => {
    const { host } = hosted();
    const out = await send(host, {
      ObjectPaths: PATHS,
      Actions: [
        { Id: 10, ActionType: 2, Name: '', ObjectPathId: 3, QueryInfo: { Select: ['name', 'protection/protected'] } },
        { Id: 11, ActionType: 2, Name: '', ObjectPathId: 3, QueryInfo: { Select: ['name'], Expand: ['protection'] } },
      ],
    });
    expect(out.Results).toEqual([
      { ActionId: 10, Value: { Name: '检查记录', Protection: { Protected: false } } },
      { ActionId: 11, Value: { Name: '检查记录', Protection: { Protected: false } } },
    ]);
  });

  test('a failure answers Error with Code, Message and the ActionIndex; the actions before it stay applied', async () => {
    const { sim, host } = hosted();
    const out = await send(host, {
      ObjectPaths: {
        ...PATHS,
        8: { Id: 8, ObjectPathType: 5, Name: '', ParentObjectPathId: 2, ArgumentInfo: { Arguments: ['没有这个表'] } },
        9: { Id: 9, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 8, ArgumentInfo: { Arguments: ['A1'] } },
      },
      Actions: [
        { Id: 10, ActionType: 4, Name: 'Color', ObjectPathId: 6, ArgumentInfo: { Arguments: ['#FF0000'] } },
        { Id: 11, ActionType: 1, Name: '', ObjectPathId: 9 },
        { Id: 12, ActionType: 4, Name: 'Values', ObjectPathId: 9, ArgumentInfo: { Arguments: [[['x']]] } },
      ],
    });
    expect(out.Error).toEqual({ Code: 'ItemNotFound', Message: expect.any(String), Location: expect.any(String), ActionIndex: 1 });
    expect(sim.workbook.fillAt('检查记录', 1, 1)).toBe('#FF0000');
    expect(sim.stats.errors).toEqual(['ItemNotFound']);
  });

  test.each([
    ['a property the table does not have', { Id: 11, ActionType: 4, Name: 'Bogus', ObjectPathId: 6, ArgumentInfo: { Arguments: [1] } }],
    ['a method the table does not have', { Id: 11, ActionType: 3, Name: 'Bogus', ObjectPathId: 4, ArgumentInfo: { Arguments: [] } }],
    ['a JavaScript name where the wire has another (showGridlines is set as Gridlines)', { Id: 11, ActionType: 4, Name: 'ShowGridlines', ObjectPathId: 3, ArgumentInfo: { Arguments: [false] } }],
    ['a property loaded that the table does not have', { Id: 11, ActionType: 2, Name: '', ObjectPathId: 6, QueryInfo: { Select: ['tintAndShade'] } }],
  ])('an unknown member is an error, never a silent no-op: %s', async (_name, action) => {
    const { sim, host } = hosted();
    const out = await send(host, {
      ObjectPaths: PATHS,
      Actions: [{ Id: 10, ActionType: 4, Name: 'Color', ObjectPathId: 6, ArgumentInfo: { Arguments: ['#00FF00'] } }, action],
    });
    expect(out.Error).toEqual(expect.objectContaining({ Code: 'ApiNotFound', ActionIndex: 1, Message: expect.stringContaining('wire-names.ts') }));
    expect(sim.workbook.fillAt('检查记录', 2, 2)).toBe('#00FF00');
  });

  test('a member above the host’s requirement sets: ApiNotFound from the simulator (the client does not check)', async () => {
    const { host } = hosted('1.1');
    const out = await send(host, {
      ObjectPaths: { ...PATHS, 7: { Id: 7, ObjectPathType: 3, Name: 'GetRanges', ParentObjectPathId: 3, ArgumentInfo: { Arguments: ['A1,B2'] } } },
      Actions: [{ Id: 10, ActionType: 1, Name: '', ObjectPathId: 7 }],
    });
    expect(out.Error).toEqual(expect.objectContaining({ Code: 'ApiNotFound', ActionIndex: 0 }));
  });

  test('a released reference: used after _RemoveReference (in the same request) it is InvalidObjectPath', async () => {
    const { host } = hosted();
    const kept = await send(host, {
      ObjectPaths: PATHS,
      Actions: [
        { Id: 10, ActionType: 3, Name: '_KeepReference', ObjectPathId: 4, ArgumentInfo: { Arguments: [] } },
        { Id: 11, ActionType: 1, Name: '', ObjectPathId: 4 },
      ],
    });
    const ref = (kept.Results![0].Value as { _ReferenceId: string })._ReferenceId;
    const byRef: WireRequest['ObjectPaths'] = { 1: PATHS![1], 20: { Id: 20, ObjectPathType: 6, Name: ref }, 21: { Id: 21, ObjectPathType: 4, Name: 'Format', ParentObjectPathId: 20 } };
    const again = await send(host, { ObjectPaths: byRef, Actions: [{ Id: 30, ActionType: 2, Name: '', ObjectPathId: 20, QueryInfo: { Select: ['address'] } }] });
    expect(again.Results![0].Value).toEqual({ Address: '检查记录!$A$1:$B$2' });
    const released = await send(host, {
      ObjectPaths: byRef,
      Actions: [
        { Id: 31, ActionType: 3, Name: '_RemoveReference', ObjectPathId: 1, ArgumentInfo: { Arguments: [ref] } },
        { Id: 32, ActionType: 2, Name: '', ObjectPathId: 21, QueryInfo: { Select: ['wrapText'] } },
      ],
    });
    expect(released.Error).toEqual(expect.objectContaining({ Code: 'InvalidObjectPath', ActionIndex: 1 }));
  });

  test('the limit is on the real JSON: a request over it is refused whole, a response over it fails the sync', async () => {
    const { sim, host } = hosted('1.13', 2000);
    const big = Array.from({ length: 1 }, () => ['汉'.repeat(700)]);
    const request = await send(host, { ObjectPaths: { ...PATHS, 7: { Id: 7, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 3, ArgumentInfo: { Arguments: ['D1'] } } }, Actions: [{ Id: 10, ActionType: 4, Name: 'Values', ObjectPathId: 7, ArgumentInfo: { Arguments: [big] } }] });
    expect(request.Error).toEqual(expect.objectContaining({ Code: 'RequestPayloadSizeLimitExceeded' }));
    expect(sim.workbook.cellAt('检查记录', 1, 4)).toBeUndefined();
    // Written under a higher limit, then read back under the low one: the answer is too large.
    sim.host.limitBytes = 1e6;
    await send(host, { ObjectPaths: { ...PATHS, 7: { Id: 7, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 3, ArgumentInfo: { Arguments: ['D1'] } } }, Actions: [{ Id: 10, ActionType: 4, Name: 'Values', ObjectPathId: 7, ArgumentInfo: { Arguments: [big] } }] });
    sim.host.limitBytes = 2000;
    const response = await send(host, { ObjectPaths: { ...PATHS, 7: { Id: 7, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 3, ArgumentInfo: { Arguments: ['D1'] } } }, Actions: [{ Id: 10, ActionType: 2, Name: '', ObjectPathId: 7, QueryInfo: { Select: ['values'] } }] });
    expect(response.Error).toEqual(expect.objectContaining({ Code: 'ResponsePayloadSizeLimitExceeded' }));
    expect(sim.stats.responseBytes[sim.stats.responseBytes.length - 1]).toBeGreaterThan(2000);
  });
});

/** Runs `scenario` on the simulator's own facade and on Microsoft's client (through the host); both outcomes. */
async function bothWays(apiVersion: string, scenario: (excel: typeof Excel, sim: Sim) => Promise<unknown>): Promise<{ sim: unknown; real: unknown }> {
  const outcome = async (run: () => Promise<unknown>) => {
    try {
      return { ok: await run() };
    } catch (e) {
      return { error: (e as { code?: string }).code || String(e) };
    }
  };
  const alone = createSim({ sheets: SHEETS, apiVersion });
  const simOut = await outcome(() => scenario(alone.Excel as unknown as typeof Excel, alone));
  const { sim } = hosted(apiVersion);
  const realOut = await outcome(() => scenario(client.Excel, sim));
  return { sim: simOut, real: realOut };
}

describe('the simulator agrees with Microsoft’s client', () => {
  test.each<[string, string, (excel: typeof Excel) => Promise<unknown>, unknown]>([
    [
      'a range reused in a later sync of the same Excel.run is tracked: fine',
      '1.13',
      (excel) =>
        excel.run(async (ctx) => {
          const r = ctx.workbook.worksheets.getItem('检查记录').getRange('A1');
          r.load('values');
          await ctx.sync();
          r.format.fill.color = '#FF0000';
          await ctx.sync();
          return r.values;
        }),
      { ok: [['日期']] },
    ],
    [
      'a sheet from worksheets.add() reused after its sync: InvalidObjectPath (only ranges can be kept)',
      '1.13',
      (excel) =>
        excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.add('新表');
          ws.getRange('A1').values = [[1]];
          await ctx.sync();
          ws.getRange('A2').values = [[2]];
          await ctx.sync();
        }),
      { error: 'InvalidObjectPath' },
    ],
    [
      'a range untracked, reused after its sync: InvalidObjectPath',
      '1.9',
      (excel) =>
        excel.run(async (ctx) => {
          const r = ctx.workbook.worksheets.getItem('检查记录').getRange('A1').untrack();
          r.format.fill.color = '#FF0000';
          await ctx.sync();
          r.format.fill.color = '#00FF00';
          await ctx.sync();
        }),
      { error: 'InvalidObjectPath' },
    ],
    [
      'a sheet got by name reused across syncs: fine (an indexer path needs no reference)',
      '1.1',
      (excel) =>
        excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('检查记录');
          ws.getRange('C1').values = [['a']];
          await ctx.sync();
          ws.getRange('C2').values = [['b']];
          await ctx.sync();
          return 'done';
        }),
      { ok: 'done' },
    ],
    [
      'a property read before its sync: PropertyNotLoaded',
      '1.1',
      (excel) =>
        excel.run(async (ctx) => {
          const r = ctx.workbook.worksheets.getItem('检查记录').getRange('A1');
          r.load('values');
          return r.values;
        }),
      { error: 'PropertyNotLoaded' },
    ],
    [
      'a member above the host’s sets: ApiNotFound at the sync',
      '1.1',
      (excel) =>
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('检查记录').getRanges('A1,B2').format.fill.color = '#FF0000';
          await ctx.sync();
        }),
      { error: 'ApiNotFound' },
    ],
    [
      'a write to a protected sheet: AccessDenied',
      '1.9',
      (excel) =>
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('锁定').getRange('A1').values = [['y']];
          await ctx.sync();
        }),
      { error: 'AccessDenied' },
    ],
  ])('%s', async (_name, apiVersion, scenario, expected) => {
    const out = await bothWays(apiVersion, scenario);
    expect(out.sim).toEqual(expected);
    expect(out.real).toEqual(expected);
  });

  test('on a bare RequestContext a range lives for one sync unless tracked', async () => {
    const scenario = async (excel: typeof Excel) => {
      const ctx = new excel.RequestContext();
      const ws = ctx.workbook.worksheets.getItem('检查记录');
      const kept = ws.getRange('A1').track();
      const loose = ws.getRange('B1');
      kept.format.fill.color = '#FF0000';
      loose.format.fill.color = '#FF0000';
      await ctx.sync();
      kept.format.fill.color = '#00FF00';
      await ctx.sync();
      try {
        loose.format.fill.color = '#00FF00';
        await ctx.sync();
        return 'reused';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(await bothWays('1.9', scenario)).toEqual({ sim: { ok: 'InvalidObjectPath' }, real: { ok: 'InvalidObjectPath' } });
  });

  test('a sync with nothing queued sends nothing, and the client’s cleanup after a run is no sync', async () => {
    const counts = async (excel: typeof Excel, sim: Sim) => {
      await excel.run(async (ctx) => {
        await ctx.sync();
        ctx.workbook.worksheets.getItem('检查记录').getRange('A1').format.fill.color = '#FF0000';
        await ctx.sync();
        await ctx.sync();
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      return sim.stats.syncs;
    };
    expect(await bothWays('1.9', counts)).toEqual({ sim: { ok: 1 }, real: { ok: 1 } });
  });

  test('isSetSupported is the library’s own matrix: versions compare as numbers (1.10 > 1.9)', () => {
    const at13 = client.requirements('1.13');
    expect(['1.1', '1.9', '1.10', '1.13', '1.14'].map((v) => at13.isSetSupported('ExcelApi', v))).toEqual([true, true, true, true, false]);
    const at9 = client.requirements('1.9');
    expect(['1.9', '1.10'].map((v) => at9.isSetSupported('ExcelApi', v))).toEqual([true, false]);
    // Excel 2016's other sets are there at every level.
    expect(client.requirements('1.1').isSetSupported('Settings', '1.1')).toBe(true);
  });

  test.each([
    ['1.1', false],
    ['1.7', true],
  ])('ExcelApi %s: a values write of 3,000 cells; from 1.3 the client cuts it into slices of 1,500 cells (%s)', async (apiVersion, sliced) => {
    const values = Array.from({ length: 300 }, (_, r) => Array.from({ length: 10 }, (_c, c) => r * 10 + c));
    const write = async (excel: typeof Excel, sim: Sim) => {
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('检查记录').getRange('A11:J310').values = values;
        await ctx.sync();
      });
      return { values: sim.workbook.valuesOf('检查记录').slice(10, 310), sets: sim.stats.members['set values'], validated: sim.stats.members._ValidateArraySize || 0 };
    };
    const out = await bothWays(apiVersion, write);
    expect(out.sim).toEqual({ ok: { values, sets: 1, validated: 0 } });
    expect(out.real).toEqual({ ok: { values, sets: sliced ? 2 : 1, validated: sliced ? 1 : 0 } });
  });
});
