/**
 * The Excel simulator's Node API (adapter tests and the bench).
 *
 *     const sim = createSim({ sheets, apiVersion: '1.1' });
 *     const uninstall = installGlobals(sim);   // globalThis.Excel / globalThis.Office
 *     await checkCompliance({ month, asOf });
 *     sim.workbook.fillAt('检查记录', 5, 1);    // '#FFC7CE'
 *     sim.stats.syncs;                         // syncs so far
 *     sim.failSync(1, 3);                      // the next sync fails after applying 3 commands
 *     uninstall();
 */
import { makeGlobals, SimHost, type SimGlobals, type SimOptions, type SimStats } from './sim';
import type { SimWorkbook } from './sim';

export * from './sim';
export * from './address';

export interface Sim {
  Excel: SimGlobals['Excel'];
  Office: SimGlobals['Office'];
  workbook: SimWorkbook;
  /** Live counters (the same object all along). */
  stats: SimStats;
  /** Fails the n-th sync from now (1 = the next one) after applying `afterCommands` of its commands. */
  failSync(n: number, afterCommands: number): void;
  /** Puts Excel in cell-edit mode: every sync fails with InvalidOperationInCellEditMode. */
  setBusy(busy: boolean): void;
  /** The underlying host (api version, limit) for tests that change them midway. */
  host: SimHost;
}

export function createSim(options: SimOptions): Sim {
  const host = new SimHost(options);
  const g = makeGlobals(host);
  return {
    Excel: g.Excel,
    Office: g.Office,
    workbook: host.workbook,
    stats: host.stats,
    failSync: (n, k) => host.failSync(n, k),
    setBusy: (b) => {
      host.busy = b;
    },
    host,
  };
}

/** Sets globalThis.Excel and globalThis.Office to the simulator's; returns the uninstaller. */
export function installGlobals(sim: Sim): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = sim.Excel;
  g.Office = sim.Office;
  return () => {
    if (before.Excel === undefined) delete g.Excel;
    else g.Excel = before.Excel;
    if (before.Office === undefined) delete g.Office;
    else g.Office = before.Office;
  };
}

/** Removes the simulator's globals. */
export function uninstallGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
}
