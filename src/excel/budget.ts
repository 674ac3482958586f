/**
 * The write budget: writes are queued as ops with an estimate of their request bytes, sent in one
 * sync when they fit Excel on the web's 5 MB request limit and in order, in chunks, when they do
 * not (or when the host refuses them). Reads in batches (inBatches) follow the same rule.
 *
 * The estimates are of what Microsoft's client really sends (RichApi JSON: an object path and an
 * Instantiate action for every proxy, one action per property set or method), measured with the
 * client itself (test/richapi): a value write costs little more than its JSON, but a format op is
 * mostly protocol, about 650 bytes for a range and one colour. {@link WIRE} holds the measured
 * parts; test/richapi/budget.test.ts fails when a write's estimate falls below 0.95 or above 1.4
 * times its real JSON.
 */
import type { Caps } from './capabilities';
import { isSizeError } from './errors';

/**
 * One queued write (a few commands); runOps sends them in one sync, or in chunks if too large.
 * `bytes`: its estimated request bytes (see WIRE), so that a write past the limit is chunked before
 * it is sent instead of being sent, refused and resent.
 */
export type Op = (() => void) & { bytes?: number };

export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

export function sized(op: () => void, bytes: number): Op {
  const out: Op = op;
  out.bytes = bytes;
  return out;
}

/**
 * Request bytes of the parts of an op, as Microsoft's client sends them (measured on requests of
 * some thousand ops, whose ids have 5 digits, and rounded up for the 6-digit ids of a request
 * near the limit).
 */
export const WIRE = {
  /** What every request carries: the workbook's path, calculation suspended, the sheets' paths. */
  sync: 800,
  /** A range's object path (getRange, getRanges, getUsedRange… of a proxy) with its Instantiate, before the address. */
  range: 250,
  /** A navigation step (format, fill, font, borders, one border edge) with its Instantiate. */
  step: 160,
  /** A SetProperty or a method call, before its arguments as JSON. */
  set: 115,
  /** A load (Query) of a few properties. */
  query: 115,
  /**
   * Each slice of at most 1,500 cells the client cuts a values or number-format write into, from
   * ExcelApi 1.3 (the paths of two rows and their bounding range, and the set).
   */
  slice: 1050,
  /** An op this model does not break down (a sheet added, hidden, deleted or activated, a chart). */
  other: 500,
};

/** Request bytes per op when not estimated. */
export const OP_BYTES = WIRE.other;
/** A write estimated past this many request bytes is sent in chunks of about this size (the limit is 5 MB). */
export const WRITE_BUDGET_BYTES = 4600000;
/** Cells the client writes per slice of a values or number-format write (ExcelApi 1.3 and later). */
const CLIENT_SLICE_CELLS = 1500;

/** Request bytes of a range addressed by `address` with `steps` navigation steps and `sets` property sets (their values apart). */
export function rangeOpBytes(address: string, steps: number, sets: number): number {
  return WIRE.range + utf8Length(address) + steps * WIRE.step + sets * WIRE.set;
}

/**
 * Request bytes of writing a grid (values or number formats) to one range: its JSON, plus the
 * slices the client cuts it into past 1,500 cells (from ExcelApi 1.3), or one set.
 */
export function gridBytes(grid: unknown[][], c: Caps): number {
  const cells = grid.length * (grid.length ? grid[0].length : 0);
  const json = utf8Length(JSON.stringify(grid));
  return json + (c.v13 && cells > CLIENT_SLICE_CELLS ? Math.ceil(grid.length / Math.max(1, Math.round(CLIENT_SLICE_CELLS / grid[0].length))) * WIRE.slice : WIRE.set);
}

/**
 * The estimated bytes of every write sync runOps sent lately (the latest last), for the tests and
 * the benchmark, which set them beside the real requests.
 */
export const sentEstimates: number[] = [];

function noteSent(bytes: number): void {
  sentEstimates.push(bytes);
  if (sentEstimates.length > 1000) sentEstimates.splice(0, sentEstimates.length - 1000);
}

/**
 * Sends the ops in one sync (with calculation suspended, 1.6). When Excel refuses the request as
 * too large (it then applies none of it), sends them in order in halving chunks instead.
 */
export async function runOps(ctx: Excel.RequestContext, ops: Op[], c: Caps): Promise<void> {
  const suspend = () => {
    if (c.v16) ctx.workbook.application.suspendApiCalculationUntilNextSync();
  };
  const weight = (op: Op) => op.bytes || OP_BYTES;
  let total = WIRE.sync;
  for (const op of ops) total += weight(op);
  if (total <= WRITE_BUDGET_BYTES) {
    suspend();
    for (const op of ops) op();
    noteSent(total);
    try {
      await ctx.sync();
      return;
    } catch (e) {
      if (!isSizeError(e) || ops.length < 2) throw e;
    }
    await inBatches(ctx, ops, Math.ceil(total / 2), weight, (op) => op(), () => undefined, suspend, noteSent);
    return;
  }
  await inBatches(ctx, ops, WRITE_BUDGET_BYTES, weight, (op) => op(), () => undefined, suspend, noteSent);
}

/**
 * Queues jobs up to `budget` (by weight) per sync, syncs, hands each job its loaded proxy. A
 * request or response over the host's size limit halves the budget and retries that batch.
 */
export async function inBatches<J, Q>(
  ctx: Excel.RequestContext,
  jobs: J[],
  budget: number,
  weight: (j: J) => number,
  queue: (j: J) => Q,
  done: (j: J, q: Q) => void,
  before?: () => void,
  sending?: (weight: number) => void,
): Promise<void> {
  let i = 0;
  while (i < jobs.length) {
    const start = i;
    if (before) before();
    const batch: Array<{ job: J; q: Q }> = [];
    let n = 0;
    while (i < jobs.length && (batch.length === 0 || n + weight(jobs[i]) <= budget)) {
      batch.push({ job: jobs[i], q: queue(jobs[i]) });
      n += weight(jobs[i]);
      i++;
    }
    if (sending) sending(n);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e) || batch.length === 1) throw e;
      budget = n / 2;
      i = start;
      continue;
    }
    for (const b of batch) done(b.job, b.q);
  }
}
