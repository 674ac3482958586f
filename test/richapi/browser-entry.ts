/**
 * The RichApi host in the browser test's page, under Microsoft's real office.js. Bundle it (one
 * IIFE, see ./build-browser.ts) and run it before the page's scripts (page.addInitScript), with
 * `window.__simInit` set as for test/sim/browser-entry.ts. It defines:
 *
 * - `window._richApiNativeBridge`: the native bridge office.js's Excel client talks RichApi JSON
 *   to when it exists before the library loads; every request is answered by a RichApiHost over
 *   the simulator (./host.ts), asynchronously, as a host would.
 * - `window.external.GetContext()`: what Office for Windows gives a task pane, so that office.js
 *   loaded with `?_host_Info=Excel$Win32$16.01$zh-CN$…` resolves `Office.onReady` with host Excel
 *   and platform PC: Excel, version 16.01, zh-CN, the requirement sets of the level under test
 *   (the library builds `Office.context.requirements` from them), and the document's settings.
 * - `window.__sim`: the same test view as the simulator's browser entry, plus `requests()` (what
 *   the host answered: kind, bytes, error) and `settings()` (the document's settings).
 */
import { SimHost, type SimSheetInit } from '../sim/sim';
import { RichApiHost } from './host';

interface SimInit {
  sheets: SimSheetInit[];
  apiVersion?: string;
  limitBytes?: number;
}

type Bridge = { sendMessageToHost(text: string): void; onMessageFromHost?: (text: string) => void };

const w = window as unknown as Record<string, unknown> & { __simInit?: SimInit };
const init: SimInit = w.__simInit && Array.isArray(w.__simInit.sheets) ? w.__simInit : { sheets: [] };
const apiVersion = init.apiVersion || '1.9';
const sim = new SimHost({ sheets: init.sheets, apiVersion, limitBytes: init.limitBytes });
const host = new RichApiHost(sim);

const bridge: Bridge = {
  sendMessageToHost(text: string) {
    const message = JSON.parse(text) as { id: number; message: { body: unknown } };
    const body = typeof message.message.body === 'string' ? message.message.body : JSON.stringify(message.message.body);
    void host.process(body).then((responseBody) => {
      setTimeout(() => bridge.onMessageFromHost!(JSON.stringify({ id: message.id, message: { statusCode: 200, body: responseBody } })), 0);
    });
  },
};
w._richApiNativeBridge = bridge;

/** The document's settings as Office for Windows keeps them: serialized values by key. */
const stored: Record<string, string> = {};
const settings = {
  Read(keys: string[], values: string[]) {
    for (const k of Object.keys(stored)) {
      keys.push(k);
      values.push(stored[k]);
    }
  },
  Write(keys: string[], values: string[]) {
    for (const k of Object.keys(stored)) delete stored[k];
    keys.forEach((k, i) => (stored[k] = values[i]));
  },
};

/** Every set Excel 2016 has, with ExcelApi at the level under test (compared as numbers by office.js). */
const requirementSets = JSON.stringify({
  excelapi: apiVersion,
  bindingevents: '1.1',
  documentevents: '1.1',
  matrixbindings: '1.1',
  matrixcoercion: '1.1',
  selection: '1.1',
  settings: '1.1',
  tablebindings: '1.1',
  tablecoercion: '1.1',
  textbindings: '1.1',
  textcoercion: '1.1',
  dialogapi: '1.1',
});

const context = {
  GetAppType: () => 1, // Excel
  GetSolutionRef: () => 'duty-check-test',
  GetAppVersionMajor: () => 16,
  GetAppVersionMinor: () => 1,
  GetAppUILocale: () => 'zh-CN',
  GetAppDataLocale: () => 'zh-CN',
  GetDocUrl: () => '',
  GetAppCapabilities: () => 0,
  GetActivationMode: () => 0,
  GetControlIntegrationLevel: () => 0,
  GetSolutionToken: () => '',
  GetCorrelationId: () => '',
  GetInstanceId: () => '',
  GetTouchEnabled: () => false,
  GetCommerceAllowed: () => false,
  GetSupportedMatrix: () => requirementSets,
  GetHostCustomMessage: () => '',
  GetHostFullVersion: () => '16.0.17029.20028',
  GetDialogRequirementMatrix: () => '{"dialogapi":"1.1"}',
  GetSettings: () => settings,
};
Object.defineProperty(window, 'external', { configurable: true, value: { GetContext: () => context } });

w.__sim = {
  fillAt: (sheet: string, row: number, col: number) => sim.workbook.fillAt(sheet, row, col),
  fontColourAt: (sheet: string, row: number, col: number) => sim.workbook.fontColourAt(sheet, row, col),
  valuesOf: (sheet: string) => sim.workbook.valuesOf(sheet),
  sheetNames: () => sim.workbook.sheetNames(),
  selection: () => sim.workbook.selection(),
  stats: () => JSON.parse(JSON.stringify(sim.stats)),
  requests: () => JSON.parse(JSON.stringify(host.requests)),
  settings: () => JSON.parse(JSON.stringify(stored)),
};
