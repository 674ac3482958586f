/**
 * src/xlsx runs in a browser and a Web Worker too (the next step is a page that checks a dropped
 * file): it imports only itself, the pure core and fflate — no Node module, no DOM, no ExcelJS.
 * Its own tsconfig (`"types": []`, no DOM lib) is part of `npm run typecheck`.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    else if (/\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) specs.push(m[1] || m[2] || m[3]);
  return specs;
}

test('src/xlsx imports only src/xlsx, src/core and fflate', () => {
  const offenders: string[] = [];
  for (const f of files(path.join(SRC, 'xlsx'))) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      if (spec === 'fflate') continue;
      const target = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : spec;
      if (!target.startsWith(path.join(SRC, 'xlsx')) && !target.startsWith(path.join(SRC, 'core'))) offenders.push(path.relative(SRC, f) + ' → ' + spec);
    }
  }
  expect(offenders).toEqual([]);
});

test('npm run typecheck checks src/xlsx with its own browser-safe tsconfig', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(SRC, '..', 'package.json'), 'utf8'));
  expect(pkg.scripts.typecheck).toContain('tsc -p src/xlsx/tsconfig.json');
  const config = JSON.parse(fs.readFileSync(path.join(SRC, 'xlsx', 'tsconfig.json'), 'utf8'));
  expect(config.compilerOptions.types).toEqual([]);
  expect(config.compilerOptions.lib).toEqual(['ES2019']);
});

test('bundled for the browser, it reads and patches a workbook in a context without Node (as in a Web Worker)', async () => {
  // esbuild comes with tsx (a dev dependency); it refuses Node built-ins for platform 'browser'.
  const esbuild = await import('esbuild');
  const vm = await import('vm');
  const { buildRawXlsx } = await import('../cli/helpers/raw-xlsx');
  const bundle = await esbuild.build({
    entryPoints: [path.join(SRC, 'xlsx', 'index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'xlsx',
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0].text;
  const input = await buildRawXlsx([{ name: '检查记录', rows: [['检查日期', '带队领导'], ['2019-08-05', '王海']] }]);
  // Only what a Web Worker has: no require, process, Buffer or module.
  const context = vm.createContext({ TextDecoder, TextEncoder, Uint8Array, input: new Uint8Array(input) });
  vm.runInContext(code, context);
  const out = vm.runInContext(
    `const opened = xlsx.readWorkbook(input, { fileName: 'a.xlsx' });
     const rows = [{ sheet: '检查记录', row: 2, firstColumn: 1, lastColumn: 2, status: 'missing', colour: 'red', rule: 'monthly-quota', rules: ['monthly-quota'], message: '' }];
     const result = xlsx.patchWorkbook(opened, { rows, layout: null });
     ({ values: opened.input.sheets[0].values, size: result.bytes.length, changed: result.changed });`,
    context,
  );
  expect(out.values).toEqual([['检查日期', '带队领导'], ['2019-08-05', '王海']]);
  expect(out.size).toBeGreaterThan(500);
  expect(out.changed).toContain('xl/worksheets/sheet1.xml');
});
