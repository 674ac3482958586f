/**
 * Privacy of the Office toolchain (issue 5): the tools `npm start` / `npm run stop` run
 * (office-addin-debugging and what it pulls in) must not send usage data to Microsoft.
 *
 * office-addin-usage-data is the toolchain's only usage-data channel. From 2.1.1 / 3.0.0
 * (OfficeDev/Office-Addin-Scripts PR #993) every reporting method is a no-op and the level is
 * always "off"; older versions reported to Application Insights unless
 * `office-addin-usage-data off` had been run. package-lock.json pins the copies below, and this
 * test proves each installed copy is inert, with the network patched to record any attempt.
 * The Microsoft 365 Agents Toolkit CLI (which has its own telemetry) is only run by
 * office-addin-dev-settings for JSON manifests and Outlook; our manifest is XML for Excel only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './webpack-build';

// The modules themselves (not TypeScript's read-only namespace copies), so patching them is
// what the toolchain's own require('https') sees.
/* eslint-disable @typescript-eslint/no-require-imports */
const http = require('http') as typeof import('http');
const https = require('https') as typeof import('https');
const net = require('net') as typeof import('net');
/* eslint-enable @typescript-eslint/no-require-imports */

interface LockFile {
  packages: Record<string, { version?: string; optional?: boolean }>;
}

const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as LockFile;
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Every copy of office-addin-usage-data the lockfile lists: [folder, version]. */
const listed: Array<[string, string]> = Object.keys(lock.packages)
  .filter((k) => /(^|\/)node_modules\/office-addin-usage-data$/.test(k))
  .map((k) => [k, String(lock.packages[k].version)]);
const installed = (folder: string) => fs.existsSync(path.join(REPO, folder, 'package.json'));
/** The copies on this machine, and every copy npm must install (not optional). */
const copies = listed.filter(([folder]) => installed(folder) || !lock.packages[folder].optional);
/**
 * Copies under the optional sideloading tools that npm skipped here (their native keytar could
 * not be built): they cannot be loaded, so their pinned version must be one without reporting.
 */
const skipped = listed.filter(([folder]) => !installed(folder) && lock.packages[folder].optional);

/** 2.1.1 and 3.0.0 are the first versions whose reporting methods are no-ops (PR #993). */
function inertVersion(version: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number);
  if (major >= 3) return true;
  return major === 2 && (minor > 1 || (minor === 1 && patch >= 1));
}

type NetCall = string;

/** Runs `work` with http/https/net connections replaced by a recorder that refuses them. */
async function recordingNetwork(work: () => Promise<void>): Promise<NetCall[]> {
  const calls: NetCall[] = [];
  const saved = {
    httpRequest: http.request,
    httpGet: http.get,
    httpsRequest: https.request,
    httpsGet: https.get,
    connect: net.connect,
    createConnection: net.createConnection,
  };
  const refuse = (what: string) =>
    function (this: unknown, ...args: unknown[]): never {
      calls.push(what + ' ' + JSON.stringify(args[0]));
      throw new Error('network disabled in test');
    };
  const h = http as unknown as Record<string, unknown>;
  const s = https as unknown as Record<string, unknown>;
  const n = net as unknown as Record<string, unknown>;
  h.request = refuse('http.request');
  h.get = refuse('http.get');
  s.request = refuse('https.request');
  s.get = refuse('https.get');
  n.connect = refuse('net.connect');
  n.createConnection = refuse('net.createConnection');
  try {
    await work();
  } finally {
    h.request = saved.httpRequest;
    h.get = saved.httpGet;
    s.request = saved.httpsRequest;
    s.get = saved.httpsGet;
    n.connect = saved.connect;
    n.createConnection = saved.createConnection;
  }
  return calls;
}

describe('Office toolchain usage data is off', () => {
  it('the lockfile installs office-addin-usage-data (the toolchain uses it)', () => {
    expect(copies.length).toBeGreaterThanOrEqual(1);
  });

  it('the version check below tells inert versions from reporting ones', () => {
    expect(['2.1.1', '2.2.0', '3.0.0', '3.4.2'].filter(inertVersion)).toEqual(['2.1.1', '2.2.0', '3.0.0', '3.4.2']);
    expect(['1.6.14', '2.0.10', '2.1.0'].filter(inertVersion)).toEqual([]);
  });

  it('optional copies npm did not install here are pinned to versions without reporting', () => {
    expect(skipped.filter(([, version]) => !inertVersion(version))).toEqual([]);
  });

  it.each(copies)('%s (%s) never reports, even when asked to', async (folder) => {
    const dir = path.join(REPO, folder);
    expect(fs.existsSync(path.join(dir, 'package.json'))).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require(dir) as {
      OfficeAddinUsageData: new (o: Record<string, unknown>) => {
        isUsageDataOn(): boolean;
        getUsageDataLevel(): string;
        reportEvent(name: string, data: object): Promise<void>;
        reportError(name: string, err: Error): Promise<void>;
        reportException(method: string, err: Error, data?: object): void;
        reportSuccess(method: string, data?: object): void;
        sendUsageDataEvent(data: object): void;
      };
      readUsageDataLevel(group: string): string;
    };
    const calls = await recordingNetwork(async () => {
      // The strongest request a tool could make: level "on", no prompt, a real-looking key.
      const usage = new lib.OfficeAddinUsageData({
        projectName: 'privacy-test',
        instrumentationKey: '00000000-0000-0000-0000-000000000000',
        raisePrompt: false,
        usageDataLevel: 'on',
        isForTesting: false,
      });
      expect({ on: usage.isUsageDataOn(), level: usage.getUsageDataLevel() }).toEqual({ on: false, level: 'off' });
      await usage.reportEvent('event', { a: 1 });
      await usage.reportError('error', new Error('x'));
      usage.reportException('method', new Error('x'), { a: 1 });
      usage.reportSuccess('method', { a: 1 });
      usage.sendUsageDataEvent({ a: 1 });
      expect(lib.readUsageDataLevel('office-addin-usage-data')).toBe('off');
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(calls).toEqual([]);
  });

  it('the network recorder really catches a request (so the check above can fail)', async () => {
    const calls = await recordingNetwork(async () => {
      expect(() => https.request('https://dc.services.visualstudio.com/v2/track')).toThrow(/network disabled/);
    });
    expect(calls.length).toBe(1);
  });

  it('no npm script runs a tool that uploads: Agents Toolkit CLI, online manifest validation', () => {
    const offenders = Object.keys(pkg.scripts).filter((name) =>
      /\batk\b|teamsapp|teamsfx|m365agentstoolkit|office-addin-manifest\s+validate|office-addin-usage-data\s+on\b/.test(pkg.scripts[name]),
    );
    expect(offenders).toEqual([]);
  });

  it('the manifest is XML for Excel only, so sideloading never runs the Agents Toolkit CLI', () => {
    const xml = fs.readFileSync(path.join(REPO, 'manifest.xml'), 'utf8');
    const hosts = (xml.match(/<Host Name="[^"]+"/g) || []).map((h) => h.slice(12, -1));
    expect(hosts).toEqual(['Workbook']);
    expect(fs.existsSync(path.join(REPO, 'manifest.json'))).toBe(false);
  });
});
