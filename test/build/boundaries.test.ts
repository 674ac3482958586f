/**
 * The layering of DEVELOPERS' house style, checked on the source text: `Excel.*` only in
 * src/excel; src/core imports nothing outside src/core (its tsconfig has no Node or DOM types,
 * this also catches a bare `require`); the UI and the CLI never reach into each other.
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

/** Source without comments and string contents, so a mention in prose is not a use. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) specs.push(m[1] || m[2] || m[3]);
  return specs;
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

test.each([
  ['Excel.Range', true],
  ['await Excel.run(async (c) => 1)', true],
  ['// a comment about Excel.run', false],
  ["const s = 'Excel.run';", false],
])('codeOnly finds a use of Excel.* in %j: %s', (source, found) => {
  expect(/\bExcel\.[A-Za-z]/.test(codeOnly(source))).toBe(found);
});

test('Excel.* appears only in src/excel', () => {
  const offenders = files(SRC)
    .filter((f) => !rel(f).startsWith('excel/'))
    .filter((f) => /\bExcel\.[A-Za-z]/.test(codeOnly(fs.readFileSync(f, 'utf8'))))
    .map(rel);
  expect(offenders).toEqual([]);
});

test('src/core imports only from src/core', () => {
  const offenders: string[] = [];
  for (const f of files(path.join(SRC, 'core'))) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      const target = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : spec;
      if (!target.startsWith(path.join(SRC, 'core'))) offenders.push(rel(f) + ' → ' + spec);
    }
  }
  expect(offenders).toEqual([]);
});

test.each([
  ['cli', ['excel', 'taskpane', 'commands']],
  ['excel', ['cli', 'taskpane', 'commands']],
  ['taskpane', ['cli']],
  ['commands', ['cli', 'taskpane']],
])('src/%s does not import from %j', (layer, forbidden) => {
  const offenders: string[] = [];
  for (const f of files(path.join(SRC, layer))) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = rel(path.resolve(path.dirname(f), spec));
      if (forbidden.some((name) => target === name || target.startsWith(name + '/'))) offenders.push(rel(f) + ' → ' + spec);
    }
  }
  expect(offenders).toEqual([]);
});
