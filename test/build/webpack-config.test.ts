/**
 * webpack.config.js decisions that need no build: the notice after a production build whose
 * manifest points at the placeholder URL, and the OFFICE_JS switch.
 */
import * as path from 'path';
import { REPO } from './webpack-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const factory = require(path.join(REPO, 'webpack.config.js')) as ((env: object, options: { mode: string }) => Promise<{ plugins: object[] }>) & {
  placeholderNotice(): string;
  PlaceholderNoticePlugin: new () => { apply(compiler: unknown): void };
};

/** Runs `fn` with these environment variables set (undefined removes one), restoring them after. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(vars)) {
    saved[k] = process.env[k];
    if (vars[k] === undefined) delete process.env[k];
    else process.env[k] = vars[k];
  }
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

const hasNotice = (config: { plugins: object[] }) => config.plugins.some((p) => p instanceof factory.PlaceholderNoticePlugin);

describe('npm run build without ADDIN_PROD_URL', () => {
  test.each([
    ['production, no ADDIN_PROD_URL', { ADDIN_PROD_URL: undefined }, 'production', true],
    ['production with ADDIN_PROD_URL', { ADDIN_PROD_URL: 'https://oa.example.gov.cn/x/' }, 'production', false],
    ['development (the dev server URL is meant)', { ADDIN_PROD_URL: undefined }, 'development', false],
  ])('%s', async (_name, vars, mode, expected) => {
    const config = await withEnv({ OFFICE_JS: undefined, ...vars }, () => factory({}, { mode }));
    expect(hasNotice(config)).toBe(expected);
  });

  test('the notice says, in Chinese and English, that the manifest points at the placeholder and how to fix it', () => {
    const text = factory.placeholderNotice();
    expect(text).toContain('没有设置 ADDIN_PROD_URL，dist/manifest.xml 指向的是占位地址 https://www.contoso.com/');
    expect(text).toContain('ADDIN_PROD_URL=https://oa.example.gov.cn/anquan-addin/ npm run build');
    expect(text).toContain('points at the placeholder https://www.contoso.com/');
  });

  test('the plugin prints the notice when webpack is done (below its own output)', () => {
    let done: (() => void) | null = null;
    const compiler = { hooks: { done: { tap: (_name: string, fn: () => void) => (done = fn) } } };
    new factory.PlaceholderNoticePlugin().apply(compiler);
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      expect(done).not.toBeNull();
      done!();
    } finally {
      spy.mockRestore();
    }
    expect(writes.join('')).toContain('占位地址');
  });
});

describe('OFFICE_JS', () => {
  test('anything but cdn or local is refused with the values it takes', async () => {
    await expect(withEnv({ OFFICE_JS: 'intranet' }, () => factory({}, { mode: 'production' }))).rejects.toThrow(/OFFICE_JS must be "cdn" \(default\) or "local"/);
  });
});
