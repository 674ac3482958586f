/**
 * The production build runs in Excel 2016/2019's IE11 webview: its bundles must be ES5, load
 * nothing from the network but office.js, and point the manifest at the production URL.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, PROD_URL, REPO, listFiles, sharedProductionBuild, webpackBuild } from './webpack-build';

let OUT = '';
// The CLI's path from es-check's own package.json "bin" (it moved between major versions).
const ES_CHECK_DIR = path.join(REPO, 'node_modules', 'es-check');
const ES_CHECK = path.join(ES_CHECK_DIR, (JSON.parse(fs.readFileSync(path.join(ES_CHECK_DIR, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['es-check']);
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function esCheck(pattern: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [ES_CHECK, 'es5', pattern], { cwd: REPO, encoding: 'utf8' });
  return { status: run.status, output: (run.stdout || '') + (run.stderr || '') };
}

describe('production build', () => {
  let files: string[] = [];

  beforeAll(() => {
    OUT = sharedProductionBuild();
    files = listFiles(OUT);
  }, 300_000);

  it('writes the pages, bundles, styles, icons and manifest the add-in needs', () => {
    for (const f of [
      'taskpane.html', 'taskpane.js', 'commands.html', 'commands.js', 'notice.html', 'notice.js', 'help.html',
      'fabric-core.css', 'taskpane.css', 'manifest.xml', 'web/安全生产履职检查.html',
      'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'assets/icon-128.png',
    ]) {
      expect(files).toContain(f);
    }
  });

  it("passes es-check es5 on every bundle (IE11 can parse them)", () => {
    const js = files.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThanOrEqual(3);
    const run = esCheck(path.join(OUT, '**', '*.js'));
    expect({ status: run.status, output: run.output }).toEqual({ status: 0, output: expect.stringContaining('ES5') });
  });

  it('es-check really rejects ES2015 (so the check above can fail)', () => {
    const bad = path.join(ARTIFACTS, 'es2015-sample.js');
    fs.writeFileSync(bad, 'const twice = (x) => x * 2;\nclass A {}\n');
    expect(esCheck(bad).status).not.toBe(0);
  });

  it('loads nothing from the network but office.js from Microsoft’s CDN', () => {
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(OUT, page), 'utf8');
      const urls = (html.match(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi) || []).map((m) => m.replace(/^(?:src|href)\s*=\s*["']?/i, ''));
      // help.html needs nothing; the one-file 网页版 has no office.js at all.
      const expected = page === 'help.html' || page.indexOf('web/') === 0 ? [] : [OFFICE_JS];
      expect({ page, urls }).toEqual({ page, urls: expected });
    }
  });

  it('ships Fabric Core without its CDN fonts and images', () => {
    const css = fs.readFileSync(path.join(OUT, 'fabric-core.css'), 'utf8');
    expect(css.length).toBeGreaterThan(50_000); // the real stylesheet, not an empty file
    expect(css).toContain('.ms-Fabric');
    expect(css).toContain('.ms-font-xl');
    expect(css).not.toMatch(/@font-face/i);
    expect(css).not.toMatch(/url\(/i);
    expect(css).not.toMatch(/cdn\.office\.net/i);
  });

  it('puts the production URL into dist/manifest.xml and leaves no localhost', () => {
    const source = fs.readFileSync(path.join(REPO, 'manifest.xml'), 'utf8');
    const built = fs.readFileSync(path.join(OUT, 'manifest.xml'), 'utf8');
    expect(built).not.toMatch(/https?:\/\/localhost/); // the header comment may name the dev server
    expect(built).toContain('<SourceLocation DefaultValue="' + PROD_URL + 'taskpane.html"/>');
    expect(built).toContain('DefaultValue="' + PROD_URL + 'commands.html"');
    // Only the URLs change.
    expect(built.split(PROD_URL).join('https://localhost:3000/')).toBe(source);
  });

  it('refuses a production URL that is not https', () => {
    expect(() => webpackBuild({ outDir: path.join(ARTIFACTS, 'build-bad-url'), vars: { ADDIN_PROD_URL: 'http://oa.example.gov.cn/' } })).toThrow(
      /ADDIN_PROD_URL must be an https/,
    );
  }, 120_000);
});

describe('String.prototype.normalize has a fallback (IE11 lacks it)', () => {
  const original = String.prototype.normalize;
  afterEach(() => {
    // eslint-disable-next-line no-extend-native
    String.prototype.normalize = original;
  });

  // What a clerk's workbook holds: full-width letters and digits, ideographic spaces, plain Chinese.
  const samples = ['ＡＢＣ１２３', '熊\u3000丹', '郭环球', '（重点检查负责刘家村）', '２０１９－０８－０３', 'ｅｍｏｊｉ😀'];

  it.each(samples)('nfkc(%j) without String.prototype.normalize matches real NFKC', (input) => {
    const expected = original.call(input, 'NFKC');
    delete (String.prototype as { normalize?: unknown }).normalize;
    let nfkc: ((s: string) => string) | undefined;
    jest.isolateModules(() => {
      // Loaded after normalize is gone, as in IE11.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      nfkc = require('../../src/core/clean/text').nfkc;
    });
    expect(typeof String.prototype.normalize).toBe('undefined');
    expect(nfkc!(input)).toBe(expected);
  });

  it('no shipped code calls .normalize( except nfkc()', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && path.relative(REPO, full) !== path.join('src', 'core', 'clean', 'text.ts')) {
          if (/\.normalize\(/.test(fs.readFileSync(full, 'utf8'))) offenders.push(path.relative(REPO, full));
        }
      }
    };
    for (const dir of ['src/core', 'src/excel', 'src/taskpane', 'src/commands']) {
      if (fs.existsSync(path.join(REPO, dir))) walk(path.join(REPO, dir));
    }
    expect(offenders).toEqual([]);
  });
});
