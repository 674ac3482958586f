/**
 * Microsoft's real Excel client in Node: `@microsoft/office-js`'s `excel-web-16.00.js` (Excel on
 * the web, whose 5 MB limit the adapter is written for), loaded unmodified from node_modules into
 * a `vm` context with `window._richApiNativeBridge` defined first, so the library talks RichApi
 * JSON to that bridge and plain `Excel.run` works unchanged. The bridge hands every request to
 * the RichApi host connected at the time (./host.ts).
 *
 * The library's licence allows installing it to develop and test add-ins, not modifying or
 * redistributing it: it is a devDependency, read from node_modules here and never bundled.
 *
 *     const client = realClient();          // one per test file: parsing the library takes ~0.1 s
 *     client.connect(new RichApiHost(sim.host), '1.9');
 *     globalThis.Excel = client.Excel; globalThis.Office = client.Office;
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { RichApiHost } from './host';

const REPO = path.resolve(__dirname, '..', '..');
export const OFFICE_JS_DIST = path.join(REPO, 'node_modules', '@microsoft', 'office-js', 'dist');
/** The Excel client the Node tests load: Excel on the web's build. */
export const EXCEL_CLIENT_FILE = 'excel-web-16.00.js';

let script: vm.Script | null = null;

function compiled(): vm.Script {
  if (script) return script;
  const file = path.join(OFFICE_JS_DIST, EXCEL_CLIENT_FILE);
  if (!fs.existsSync(file)) {
    throw new Error('Microsoft\'s Excel client is missing (' + file + '): run `npm ci` (it is the devDependency @microsoft/office-js).');
  }
  script = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
  return script;
}

/** The Office common API the adapter reads: requirement sets and the document's settings. */
export interface ClientOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document?: { settings: unknown };
  };
  [more: string]: unknown;
}

export interface RealClient {
  /** The library's `Excel` namespace (`run` counts the runs in the connected simulator's stats). */
  Excel: typeof Excel;
  /** The library's `Office` namespace, with `context.requirements` from its own requirement matrix. */
  Office: ClientOffice;
  /** Answers the client's requests with `host` from now on, at ExcelApi `apiVersion`, with the document `settings`. */
  connect(host: RichApiHost, apiVersion: string, settings: unknown): void;
  /** The requirement matrix of the library itself for an Excel host at `apiVersion` (e.g. '1.13'). */
  requirements(apiVersion: string): ClientOffice['context']['requirements'];
}

/** A fresh vm context running Microsoft's Excel client against the bridge. */
export function realClient(): RealClient {
  let host: RichApiHost | null = null;
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, setInterval, clearInterval, Promise };
  const element = () => ({ style: {}, setAttribute() {}, appendChild() {}, addEventListener() {}, removeEventListener() {}, getAttribute: () => null });
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.document = {
    readyState: 'complete',
    getElementsByTagName: () => [],
    createElement: element,
    addEventListener() {},
    removeEventListener() {},
    querySelector: () => null,
    head: element(),
    body: element(),
    documentElement: element(),
    cookie: '',
  };
  sandbox.location = { href: 'https://localhost/taskpane.html', search: '', hash: '', protocol: 'https:', host: 'localhost', hostname: 'localhost', origin: 'https://localhost' };
  sandbox.navigator = { userAgent: 'Mozilla/5.0 (Node) jest', language: 'zh-CN' };
  sandbox.addEventListener = () => undefined;
  sandbox.removeEventListener = () => undefined;
  const bridge: { sendMessageToHost(text: string): void; onMessageFromHost?: (text: string) => void } = {
    sendMessageToHost(text: string) {
      const message = JSON.parse(text) as { id: number; type: number; message: { body: unknown } };
      const body = typeof message.message.body === 'string' ? message.message.body : JSON.stringify(message.message.body);
      const answer = host ? host.process(body) : Promise.resolve(JSON.stringify({ Results: [] }));
      void answer.then((responseBody) => {
        bridge.onMessageFromHost!(JSON.stringify({ id: message.id, message: { statusCode: 200, body: responseBody } }));
      });
    },
  };
  sandbox._richApiNativeBridge = bridge;
  vm.createContext(sandbox);
  compiled().runInContext(sandbox);
  const libExcel = sandbox.Excel as typeof Excel & { run: (...a: unknown[]) => Promise<unknown> };
  const libOffice = sandbox.Office as ClientOffice;
  const requirementsNs = (sandbox.OfficeExt as { Requirement: Record<string, new (...a: unknown[]) => unknown> }).Requirement;
  if (!libExcel || !libOffice || !requirementsNs) throw new Error('Microsoft\'s Excel client did not load in the vm context.');

  const requirements = (apiVersion: string) => {
    // Excel's own defaults (Excel 2016: ExcelApi 1.1 and the common sets), raised to `apiVersion`.
    const sets = new requirementsNs.ExcelClientDefaultSetRequirement() as { _addSetMap(m: Record<string, string>): void };
    sets._addSetMap({ excelapi: apiVersion });
    return new requirementsNs.RequirementMatrix(sets) as ClientOffice['context']['requirements'];
  };
  const ExcelFacade = Object.create(libExcel) as typeof Excel;
  (ExcelFacade as unknown as { run: (...a: unknown[]) => Promise<unknown> }).run = (...args: unknown[]) => {
    if (host) host.sim.stats.runs++;
    return libExcel.run(...args);
  };
  // `Office.context` is what office.js (the loader, not loaded here) hands the library through
  // OSF._OfficeAppFactory at start-up: the requirement sets and the document, set per connect. The
  // library reads it too (it splits large value writes from ExcelApi 1.3).
  let context: ClientOffice['context'] = { requirements: requirements('1.1') };
  (sandbox.OSF as Record<string, unknown>)._OfficeAppFactory = { getContext: () => context };
  return {
    Excel: ExcelFacade,
    Office: libOffice,
    connect(next, apiVersion, settings) {
      host = next;
      context = { requirements: requirements(apiVersion), document: { settings } };
    },
    requirements,
  };
}
