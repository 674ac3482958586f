/* eslint-disable no-console */
/**
 * Builds the Excel add-in into dist/, the way Microsoft's Office add-in template (yo office) does:
 *
 *   npm run build        production: ES5 bundles, dist/manifest.xml with the production URL
 *   npm run build:dev    development: manifest URLs stay https://localhost:3000/
 *   npm run dev-server   https://localhost:3000/ with office-addin-dev-certs' trusted certificate
 *
 * The production URL comes from the environment, so nobody edits the manifest by hand:
 *
 *   ADDIN_PROD_URL=https://oa.example.gov.cn/anquan-addin/ npm run build
 *
 * Every https://localhost:3000/ in manifest.xml becomes that URL in dist/manifest.xml.
 *
 * Everything the pages need is served from the add-in's own folder except office.js, which comes
 * from Microsoft's CDN. For intranets that cannot reach the CDN, `OFFICE_JS=local` copies an
 * unmodified office.js (the exact-pinned @microsoft/office-js package: its licence lets the library
 * be distributed unmodified as part of the add-in) into dist/office-js/ and the pages load it from
 * there; keeping it up to date is then the deployer's job (docs/addin.md).
 * Office UI Fabric Core's stylesheet is copied here with its web-font and CDN image rules removed,
 * so the pane never fetches fonts from the CDN (it uses the system's Segoe UI / Microsoft YaHei).
 */
const path = require('path');
const crypto = require('crypto');
const fs = require('fs');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
const urlProdPlaceholder = 'https://www.contoso.com/';

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The folder of dist/ that holds the local copy of office.js (OFFICE_JS=local). */
const OFFICE_JS_DIR = 'office-js';
/**
 * What of @microsoft/office-js' dist/ an Excel add-in loads: office.js, the Excel host files, the
 * locale strings, the promise polyfill and the library's own helpers. Debug builds, type files and
 * other hosts' files (Word, Outlook, …) are left out; every file copied is copied unmodified.
 */
const OFFICE_JS_SKIP = [
  '**/*.debug.js',
  '**/*-vsdoc.js',
  '**/*.d.ts',
  '**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}-*.js',
  '**/outlook_strings.js',
];

const fabricCss = require.resolve('office-ui-fabric-core/dist/css/fabric.min.css');
const taskpaneCss = path.join(__dirname, 'src/taskpane/taskpane.css');

/** The production base URL: https, ending in a slash. */
function productionUrl() {
  const raw = (process.env.ADDIN_PROD_URL || '').trim();
  if (raw === '') return urlProdPlaceholder;
  if (!/^https:\/\/[^\s/]+/i.test(raw)) {
    throw new Error(`ADDIN_PROD_URL must be an https:// URL (Office loads add-ins over HTTPS only), got "${raw}"`);
  }
  return raw.endsWith('/') ? raw : raw + '/';
}

/**
 * Removes every rule of Fabric Core's stylesheet that would load something from the network:
 * the @font-face rules (Segoe UI web fonts on Microsoft's CDN) and the brand-icon rules with
 * CDN background images. Fabric's font stacks fall back to the fonts installed on the computer.
 */
function stripNetworkRules(css) {
  const withoutFonts = css.replace(/@font-face\s*\{[^{}]*\}/g, '');
  // Innermost rules only: a rule inside @media is removed and leaves an empty @media block.
  return withoutFonts.replace(/[^{}]*\{[^{}]*url\([^{}]*\}/g, '');
}

/** 'cdn' (default) or 'local', from OFFICE_JS. */
function officeJsMode() {
  const raw = (process.env.OFFICE_JS || 'cdn').trim().toLowerCase();
  if (raw !== 'cdn' && raw !== 'local') throw new Error('OFFICE_JS must be "cdn" (default) or "local", got "' + process.env.OFFICE_JS + '"');
  return raw;
}

/** The package folder of @microsoft/office-js, or a clear error when it is not installed. */
function officeJsPackageDir() {
  try {
    return path.dirname(require.resolve('@microsoft/office-js/package.json'));
  } catch (e) {
    throw new Error('OFFICE_JS=local needs the npm package @microsoft/office-js: run npm ci first.');
  }
}

/**
 * Printed after a production build whose manifest points at the placeholder URL: easy to miss
 * above webpack's own output, and a manifest that points at contoso.com loads nothing.
 */
function placeholderNotice() {
  return [
    '',
    '==========================================================================================',
    ' 注意：没有设置 ADDIN_PROD_URL，dist/manifest.xml 指向的是占位地址 ' + urlProdPlaceholder,
    ' 用这个清单安装的加载项打不开。请把 dist/ 放到单位的 HTTPS 网站上，再用它的地址重新打包，例如：',
    '   ADDIN_PROD_URL=https://oa.example.gov.cn/anquan-addin/ npm run build',
    ' （Windows 命令提示符：set ADDIN_PROD_URL=https://oa.example.gov.cn/anquan-addin/&& npm run build）',
    ' 详见 docs/addin.md“二、在单位内网部署”。',
    '',
    ' Note: ADDIN_PROD_URL is not set, so dist/manifest.xml points at the placeholder ' + urlProdPlaceholder + '.',
    ' Set it to the HTTPS folder that serves dist/ and build again (docs/addin.md).',
    '==========================================================================================',
    '',
  ].join('\n');
}

/** Prints the placeholder notice once webpack has finished, below its own output. */
class PlaceholderNoticePlugin {
  apply(compiler) {
    compiler.hooks.done.tap('PlaceholderNoticePlugin', () => {
      process.stderr.write(placeholderNotice() + '\n');
    });
  }
}

/** Where the one-file 网页版 is written in dist/ (issue 17). */
const WEB_PAGE = 'web/安全生产履职检查.html';

/**
 * The 网页版's Web Worker (src/web/worker.ts: the core and the package patcher) as one script.
 * It goes into the pane's bundle as a string and starts from a Blob, because a browser will not
 * start a worker from a file:// address. The worker runs only outside Excel, in Chromium-based
 * browsers, so it is bundled by esbuild for Chromium 58 and up, not through the ES5 pipeline.
 */
function workerSource(dev) {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'src/web/worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome58'],
    minify: !dev,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

/** An emitted asset's text for inlining into the one-file page; `</script` cannot end the tag early. */
function inlineAsset(compilation, name) {
  const asset = compilation.getAsset(name);
  if (!asset) throw new Error('inlineAsset: no asset ' + name);
  return String(asset.source.source()).replace(/<\/(script|style)/gi, '<\\/$1');
}

/** Short content hash, appended to stylesheet links so Office's cache picks up new versions. */
function fileHash(content) {
  return crypto.createHash('sha256').update(content).digest('hex').slice(0, 10);
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const urlProd = productionUrl();
  const placeholder = !dev && urlProd === urlProdPlaceholder && !env.quiet;
  const officeJsLocal = officeJsMode() === 'local';
  const officeJsUrl = officeJsLocal ? OFFICE_JS_DIR + '/office.js' : OFFICE_JS_CDN;
  const cssVersion = fileHash(fs.readFileSync(fabricCss, 'utf8') + fs.readFileSync(taskpaneCss, 'utf8'));
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: name,
      template,
      chunks,
      inject: 'body',
      // Plain <script> tags after the markup: the simplest loading that IE11 runs reliably.
      scriptLoading: 'blocking',
      // ?hash on the bundles so a new version is not hidden by Office's web cache.
      hash: true,
      minify: false,
      templateParameters: { cssVersion, officeJsUrl, officeJsLocal, standalone: false, inlineAsset, logoDataUri: '' },
    });
  // The same pane as one self-contained file: styles, script and logo inline, no office.js.
  const webPage = new HtmlWebpackPlugin({
    filename: WEB_PAGE,
    template: './src/taskpane/taskpane.html',
    chunks: ['taskpane'],
    inject: false,
    minify: false,
    templateParameters: {
      cssVersion,
      officeJsUrl: '',
      officeJsLocal: false,
      standalone: true,
      inlineAsset,
      logoDataUri: 'data:image/png;base64,' + fs.readFileSync(path.join(__dirname, 'assets/icon-32.png')).toString('base64'),
    },
  });

  const config = {
    devtool: dev ? 'source-map' : false,
    // 'es5' makes webpack's own runtime and module wrappers ES5 too (no arrow functions).
    target: ['web', 'es5'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'babel-loader', options: { cacheDirectory: false } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands.html', './src/commands/commands.html', ['commands']),
      page('notice.html', './src/commands/notice.html', ['notice']),
      page('help.html', './src/taskpane/help.html', []),
      webPage,
      new webpack.DefinePlugin({ __DUTY_WORKER_SOURCE__: JSON.stringify(workerSource(dev)) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: fabricCss, to: 'fabric-core.css', transform: (content) => stripNetworkRules(content.toString()) },
          { from: taskpaneCss, to: 'taskpane.css' },
          ...(officeJsLocal
            ? [
                // `minimized` keeps webpack's minifier off these files: the licence allows them only unmodified.
                { from: '**/*', context: path.join(officeJsPackageDir(), 'dist'), to: OFFICE_JS_DIR + '/', globOptions: { ignore: OFFICE_JS_SKIP }, info: { minimized: true } },
                { from: path.join(officeJsPackageDir(), 'LICENSE.md'), to: OFFICE_JS_DIR + '/LICENSE.md', info: { minimized: true } },
              ]
            : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
      ...(placeholder ? [new PlaceholderNoticePlugin()] : []),
    ],
    devServer: {
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };

  if (env.WEBPACK_SERVE) {
    // Only the dev server needs the certificate; building never touches the certificate store.
    const devCerts = require('office-addin-dev-certs');
    const https = await devCerts.getHttpsServerOptions();
    config.devServer.server = { type: 'https', options: { ca: https.ca, key: https.key, cert: https.cert } };
  }
  return config;
};

module.exports.stripNetworkRules = stripNetworkRules;
module.exports.urlDev = urlDev;
module.exports.placeholderNotice = placeholderNotice;
module.exports.PlaceholderNoticePlugin = PlaceholderNoticePlugin;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_DIR = OFFICE_JS_DIR;
module.exports.WEB_PAGE = WEB_PAGE;
