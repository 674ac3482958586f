/**
 * A RichApi host over the Excel simulator: it answers the request batches of Microsoft's real
 * Excel client (@microsoft/office-js, `Excel.run` → ObjectPaths + Actions as JSON) from the
 * simulator's workbook, so every adapter test can run through the real client.
 *
 * It is a protocol adapter only: what Excel does (values, formats, errors, requirement sets, the
 * 5 MB limit) is the simulator's (test/sim), reached through the wire-name table (./wire-names.ts).
 * Per request it makes the simulator's proxies for the object paths the actions use, queues the
 * actions on them in order, runs them as one simulator sync (so `stats.syncs` counts `ctx.sync()`
 * rounds: the client's cleanup requests are answered without one), and answers as Excel does:
 * - Instantiate: `{ _ReferenceId }` for an object the client keeps (`_KeepReference`), `{}` for
 *   another, `null` for a null object (`*OrNullObject`, which drives `isNullObject`);
 * - Query: the loaded properties under their PascalCase keys, `{ _Items: [...] }` for a
 *   collection, `null` for a null object;
 * - a method's return value (getCellProperties);
 * - a failure as `{ Error: { Code, Message, Location, ActionIndex } }`, the actions before it
 *   applied (Excel runs a batch in order and stops at the first failure).
 * It measures the real request and response JSON, which the simulator holds to its limit.
 *
 * No Node or DOM APIs here: the same host runs in Node (./client.ts) and in the browser test's
 * page (./browser-entry.ts).
 */
import { SimError, SimObject, SimRequestContext, utf8Length, type SimHost } from '../sim/sim';
import { WIRE, type WireClass } from './wire-names';

/** ActionType and ObjectPathType as the client sends them. */
const ACTION = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4, Trace: 5 };
const PATH = { GlobalObject: 1, NewObject: 2, Method: 3, Property: 4, Indexer: 5, ReferenceId: 6, Null: 7 };

interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

export interface WireRequest {
  AutoKeepReference?: boolean;
  Actions?: WireAction[];
  ObjectPaths?: { [id: string]: WirePath };
}

/** One request as the host saw it. */
export interface HostRequest {
  /** `sync`: a `ctx.sync()` round run on the simulator; `cleanup`: references released after a run; `internal`: the library's own service calls. */
  kind: 'sync' | 'cleanup' | 'internal';
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The error code answered, or null. */
  error: string | null;
}

/** An object path made into a simulator proxy (null: a null object). */
interface Node {
  proxy: SimObject | null;
  /** Reference ids this path goes through: each must still be held when an action uses it. */
  refs: string[];
}

/** A `{ Error }` answer, before the request ran (a member the table lacks, a bad path). */
function protocolError(code: string, message: string): SimError {
  return new SimError(code, message);
}

function classOf(proxy: SimObject): WireClass {
  const c = WIRE[proxy._type];
  if (!c) throw protocolError('ApiNotFound', 'The RichApi host has no wire names for ' + proxy._type + '.');
  return c;
}

function lookup(table: { [wire: string]: string } | undefined, name: string, proxy: SimObject, what: string): string {
  const js = table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!js) throw protocolError('ApiNotFound', 'Unknown ' + what + ' ' + proxy._type + '.' + name + ' (not in test/richapi/wire-names.ts).');
  return js;
}

/** Hosts made so far: each names its references apart, so a late cleanup meant for another is a no-op. */
let hosts = 0;

export class RichApiHost {
  /** Every request answered, in order. */
  readonly requests: HostRequest[] = [];
  /** The objects the client keeps, by reference id. */
  private refs = new Map<string, SimObject>();
  private nextRef = 1;
  private readonly serial = ++hosts;
  private ctx: SimRequestContext;

  constructor(readonly sim: SimHost) {
    this.ctx = new SimRequestContext(sim, 'host');
  }

  /** Answers one ProcessQuery request body (JSON text) with a response body (JSON text). */
  async process(bodyText: string): Promise<string> {
    const requestBytes = utf8Length(bodyText);
    const body = JSON.parse(bodyText) as WireRequest;
    const actions = body.Actions || [];
    const paths = body.ObjectPaths || {};
    const record = (kind: HostRequest['kind'], text: string, error: string | null) => {
      this.requests.push({ kind, requestBytes, responseBytes: utf8Length(text), actions: actions.length, error });
      return text;
    };
    // The library's own service (AddinInternalService.NotifyActionHandlerReady): nothing to do.
    for (const id in paths) if (paths[id].ObjectPathType === PATH.NewObject) return record('internal', JSON.stringify({ Results: [] }), null);
    // The cleanup after a run: references released, no sync of the workbook.
    const cleanup = actions.every(
      (a) => a.ActionType === ACTION.Trace || (a.ActionType === ACTION.Method && a.Name === '_RemoveReference') || (a.ActionType === ACTION.Instantiate && (paths[a.ObjectPathId] || ({} as WirePath)).ObjectPathType === PATH.GlobalObject),
    );
    if (cleanup) {
      const results: Array<{ ActionId: number; Value: unknown }> = [];
      for (const a of actions) {
        if (a.ActionType === ACTION.Method) this.refs.delete(String(((a.ArgumentInfo || {}).Arguments || [])[0]));
        if (a.ActionType === ACTION.Instantiate) results.push({ ActionId: a.Id, Value: {} });
      }
      return record('cleanup', JSON.stringify({ Results: results }), null);
    }
    return this.sync(actions, paths, requestBytes, (text, error) => record('sync', text, error));
  }

  private async sync(actions: WireAction[], paths: { [id: string]: WirePath }, requestBytes: number, record: (text: string, error: string | null) => string): Promise<string> {
    const ctx = this.ctx;
    const nodes = new Map<number, Node>();
    /** Pre-built answers, read after the sync, in action order. */
    const answers: Array<{ id: number; value: () => unknown }> = [];
    /** The action each queued command belongs to (for the error's ActionIndex). */
    const actionOf: number[] = [];
    const kept = new Map<number, string>();
    const meta = (apply: () => void) => ctx.enqueue({ op: 'protocol' }, apply, true);

    const resolve = (id: number): Node => {
      const known = nodes.get(id);
      if (known) return known;
      const p = paths[id];
      if (!p) throw protocolError('InvalidObjectPath', 'The request has no object path ' + id + '.');
      let node: Node;
      if (p.ObjectPathType === PATH.GlobalObject) node = { proxy: ctx.workbook as unknown as SimObject, refs: [] };
      else if (p.ObjectPathType === PATH.Null) node = { proxy: null, refs: [] };
      else if (p.ObjectPathType === PATH.ReferenceId) {
        const proxy = this.refs.get(p.Name);
        if (!proxy) throw protocolError('InvalidObjectPath', "The object path '_reference(" + p.Name + ")' isn't working for what you're trying to do (the reference was released).");
        node = { proxy, refs: [p.Name] };
      } else {
        const parent = resolve(p.ParentObjectPathId as number);
        if (!parent.proxy) node = { proxy: null, refs: parent.refs };
        else {
          const on = parent.proxy as unknown as Record<string, unknown>;
          const c = classOf(parent.proxy);
          const args = () => this.args(p.ArgumentInfo, resolve);
          let made: unknown;
          if (p.ObjectPathType === PATH.Property) made = on[lookup(c.navigation, p.Name, parent.proxy, 'navigation property')];
          else if (p.ObjectPathType === PATH.Method) made = (on[lookup(c.paths, p.Name, parent.proxy, 'method')] as (...a: unknown[]) => unknown).apply(on, args());
          else if (p.ObjectPathType === PATH.Indexer) {
            if (!c.indexer) throw protocolError('ApiNotFound', parent.proxy._type + ' has no indexer (not in test/richapi/wire-names.ts).');
            made = (on[c.indexer] as (...a: unknown[]) => unknown).apply(on, args());
          } else throw protocolError('InvalidArgument', 'Unsupported object path type ' + p.ObjectPathType + '.');
          if (!(made instanceof SimObject)) throw protocolError('ApiNotFound', p.Name + ' of ' + parent.proxy._type + ' makes no object.');
          node = { proxy: made, refs: parent.refs };
        }
      }
      nodes.set(id, node);
      return node;
    };

    /** Queued before an action on a path through references: they must still be held then. */
    const checkRefs = (node: Node) => {
      if (!node.refs.length) return;
      meta(() => {
        for (const r of node.refs) {
          if (!this.refs.has(r)) throw new SimError('InvalidObjectPath', "The object path '_reference(" + r + ")' isn't working for what you're trying to do (the reference was released).");
        }
      });
    };

    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      const from = ctx._queue.length;
      try {
        this.queueAction(a, resolve, checkRefs, meta, answers, kept);
      } catch (e) {
        // A member the table lacks or a path the simulator refuses at once: the actions before run,
        // then the batch fails here, as Excel fails at the first action it cannot run.
        meta(() => {
          throw e;
        });
        for (let q = from; q < ctx._queue.length; q++) actionOf[q] = i;
        break;
      }
      for (let q = from; q < ctx._queue.length; q++) actionOf[q] = i;
    }

    let text = '';
    try {
      await ctx._sync({
        requestBytes,
        responseBytes: () => {
          text = JSON.stringify({ Results: answers.map((x) => ({ ActionId: x.id, Value: x.value() })) });
          return utf8Length(text);
        },
      });
    } catch (e) {
      const err = (e || {}) as { code?: string; message?: string; debugInfo?: { errorLocation?: string }; commandIndex?: number };
      const code = err.code || 'GeneralException';
      const index = err.commandIndex !== undefined && actionOf[err.commandIndex] !== undefined ? actionOf[err.commandIndex] : 0;
      return record(JSON.stringify({ Error: { Code: code, Message: String(err.message || e), Location: (err.debugInfo && err.debugInfo.errorLocation) || '', ActionIndex: index } }), code);
    }
    return record(text, null);
  }

  private queueAction(
    a: WireAction,
    resolve: (id: number) => Node,
    checkRefs: (node: Node) => void,
    meta: (apply: () => void) => void,
    answers: Array<{ id: number; value: () => unknown }>,
    kept: Map<number, string>,
  ): void {
    if (a.ActionType === ACTION.Trace) return;
    const node = resolve(a.ObjectPathId);
    checkRefs(node);
    const proxy = node.proxy;
    if (a.ActionType === ACTION.Instantiate) {
      let value: unknown = null;
      meta(() => {
        // Excel makes the object here: an ItemNotFound (a sheet gone) fails this action.
        const exists = !!proxy && proxy._exists();
        const ref = kept.get(a.ObjectPathId);
        value = !exists ? null : ref ? { _ReferenceId: ref } : {};
      });
      answers.push({ id: a.Id, value: () => value });
      return;
    }
    if (!proxy) {
      // A null object: its properties and collections answer null; it does nothing.
      if (a.ActionType === ACTION.Query) answers.push({ id: a.Id, value: () => null });
      return;
    }
    const c = classOf(proxy);
    const on = proxy as unknown as Record<string, unknown>;
    if (a.ActionType === ACTION.Method && a.Name === '_KeepReference') {
      meta(() => {
        // The client's cleanup after a run is sent without waiting: in the tests it may reach the
        // host of the next test, which must not take it for its own references.
        const ref = '{' + this.serial + '-' + this.nextRef++ + '}' + proxy._type;
        this.refs.set(ref, proxy);
        kept.set(a.ObjectPathId, ref);
      });
      return;
    }
    if (a.ActionType === ACTION.Method && a.Name === '_RemoveReference') {
      const ref = String(((a.ArgumentInfo || {}).Arguments || [])[0]);
      meta(() => {
        this.refs.delete(ref);
      });
      return;
    }
    if (a.ActionType === ACTION.SetProperty) {
      const scalars = c.scalars || {};
      let js: string | undefined;
      for (const name in scalars) if (scalars[name].set === a.Name) js = name;
      if (!js) throw protocolError('ApiNotFound', 'Unknown property ' + proxy._type + '.' + a.Name + ' to set (not in test/richapi/wire-names.ts).');
      on[js] = this.args(a.ArgumentInfo, resolve)[0];
      return;
    }
    if (a.ActionType === ACTION.Method) {
      const js = lookup(c.methods, a.Name, proxy, 'method');
      const result = (on[js] as (...x: unknown[]) => unknown).apply(on, this.args(a.ArgumentInfo, resolve));
      if (result && typeof result === 'object' && 'value' in (result as object)) answers.push({ id: a.Id, value: () => (result as { value: unknown }).value });
      return;
    }
    if (a.ActionType === ACTION.Query) {
      const q = a.QueryInfo || {};
      const listed = c.items ? WIRE[c.items] : c;
      if (!listed) throw protocolError('ApiNotFound', 'The RichApi host has no wire names for ' + c.items + '.');
      // No Select: every scalar property, as `load()` asks for; Expand: every scalar of a navigation property too.
      const select = q.Select && q.Select.length ? q.Select.slice() : Object.keys(listed.scalars || {});
      for (const e of q.Expand || []) if (!c.items) for (const s of this.scalarsUnder(proxy, e)) if (select.indexOf(s) < 0) select.push(s);
      let isNull = false;
      meta(() => {
        isNull = !proxy._exists();
      });
      if (c.items) {
        for (const s of select) if (s.indexOf('/') >= 0 || !(listed.scalars || {})[s]) throw protocolError('ApiNotFound', 'Unknown property ' + c.items + '.' + s + ' (not in test/richapi/wire-names.ts).');
        (proxy as unknown as { load(s: string[]): void }).load(select.map((s) => 'items/' + s));
        answers.push({
          id: a.Id,
          value: () => {
            if (isNull) return null;
            const items = (proxy as unknown as { items: SimObject[] }).items;
            return { _Items: items.map((item) => this.answer(item, select)) };
          },
        });
      } else {
        for (const s of select) this.scalarOf(proxy, s);
        (proxy as unknown as { load(s: string[]): void }).load(select);
        answers.push({ id: a.Id, value: () => (isNull ? null : this.answer(proxy, select)) });
      }
      return;
    }
    throw protocolError('InvalidArgument', 'Unsupported action type ' + a.ActionType + '.');
  }

  /** `protection` → `protection/protected`, …: every scalar of the object at a navigation path. */
  private scalarsUnder(proxy: SimObject, path: string): string[] {
    let owner = proxy;
    for (const part of path.split('/')) {
      const nav = classOf(owner).navigation || {};
      if (!Object.keys(nav).some((w) => nav[w] === part)) throw protocolError('ApiNotFound', 'Unknown navigation property ' + owner._type + '.' + part + ' (not in test/richapi/wire-names.ts).');
      owner = (owner as unknown as Record<string, SimObject>)[part];
    }
    return Object.keys(classOf(owner).scalars || {}).map((js) => path + '/' + js);
  }

  /** A selected property (`name`, or `protection/protected` through navigation) checked against the table. */
  private scalarOf(proxy: SimObject, select: string): { owner: SimObject; js: string; key: string; path: string[] } {
    const parts = select.split('/');
    let owner = proxy;
    const path: string[] = [];
    for (let i = 0; i < parts.length - 1; i++) {
      const c = classOf(owner);
      let wire = '';
      for (const w in c.navigation || {}) if ((c.navigation || {})[w] === parts[i]) wire = w;
      if (!wire) throw protocolError('ApiNotFound', 'Unknown navigation property ' + owner._type + '.' + parts[i] + ' (not in test/richapi/wire-names.ts).');
      path.push(wire);
      owner = (owner as unknown as Record<string, SimObject>)[parts[i]];
    }
    const js = parts[parts.length - 1];
    const def = (classOf(owner).scalars || {})[js];
    if (!def) throw protocolError('ApiNotFound', 'Unknown property ' + owner._type + '.' + js + ' (not in test/richapi/wire-names.ts).');
    return { owner, js, key: def.key, path };
  }

  /** The loaded properties of a proxy under their wire keys, nested for navigation. */
  private answer(proxy: SimObject, select: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of select) {
      const { owner, js, key, path } = this.scalarOf(proxy, s);
      let at = out;
      for (const w of path) at = (at[w] = (at[w] as Record<string, unknown>) || {}) as Record<string, unknown>;
      at[key] = (owner as unknown as Record<string, unknown>)[js];
    }
    return out;
  }

  /** The arguments of a path or action; an object passed as an argument is its path's proxy. */
  private args(info: WireAction['ArgumentInfo'], resolve: (id: number) => Node): unknown[] {
    const args = (info && info.Arguments) || [];
    const refs = (info && info.ReferencedObjectPathIds) || [];
    return args.map((v, i) => {
      if (!refs[i]) return v === null ? undefined : v;
      const node = resolve(refs[i]);
      if (!node.proxy) throw protocolError('InvalidArgument', 'A null object passed as an argument.');
      return node.proxy;
    });
  }
}
