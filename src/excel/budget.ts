/**
 * The write budget: writes are queued as ops with an estimate of their request bytes, sent in one
 * sync when they fit Excel on the web's 5 MB request limit and in order, in chunks, when they do
 * not (or when the host refuses them). Reads in batches (inBatches) follow the same rule.
 */
import type { Caps } from './capabilities';
import { isSizeError } from './errors';

/**
 * One queued write (a few commands); runOps sends them in one sync, or in chunks if too large.
 * `bytes`: a rough size of its request, so that a write clearly past the limit is chunked at once
 * instead of being sent, refused and resent.
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

/** Request bytes per op when not estimated (a range address and one format property). */
export const OP_BYTES = 200;
/** A write estimated past this many request bytes is sent in chunks of about this size. */
export const WRITE_BUDGET_BYTES = 4600000;

/**
 * Sends the ops in one sync (with calculation suspended, 1.6). When Excel refuses the request as
 * too large (it then applies none of it), sends them in order in halving chunks instead.
 */
export async function runOps(ctx: Excel.RequestContext, ops: Op[], c: Caps): Promise<void> {
  const suspend = () => {
    if (c.v16) ctx.workbook.application.suspendApiCalculationUntilNextSync();
  };
  const weight = (op: Op) => op.bytes || OP_BYTES;
  let total = 0;
  for (const op of ops) total += weight(op);
  if (total <= WRITE_BUDGET_BYTES) {
    suspend();
    for (const op of ops) op();
    try {
      await ctx.sync();
      return;
    } catch (e) {
      if (!isSizeError(e) || ops.length < 2) throw e;
    }
    await inBatches(ctx, ops, Math.ceil(total / 2), weight, (op) => op(), () => undefined, suspend);
    return;
  }
  await inBatches(ctx, ops, WRITE_BUDGET_BYTES, weight, (op) => op(), () => undefined, suspend);
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
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e) || batch.length === 1) throw e;
      budget = Math.max(1, Math.floor(n / 2));
      i = start;
      continue;
    }
    for (const b of batch) done(b.job, b.q);
  }
}
