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
 * Everything the pages need is served from the add-in's own folder except office.js, which
 * Microsoft requires to be loaded from its CDN. Office UI Fabric Core's stylesheet is copied here
 * with its web-font and CDN image rules removed, so the pane never fetches fonts from the CDN (it
 * uses the system's Segoe UI / Microsoft YaHei instead).
 */
const path = require('path');
const crypto = require('crypto');
const fs = require('fs');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
const urlProdPlaceholder = 'https://www.contoso.com/';

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

/** Short content hash, appended to stylesheet links so Office's cache picks up new versions. */
function fileHash(content) {
  return crypto.createHash('sha256').update(content).digest('hex').slice(0, 10);
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const urlProd = productionUrl();
  if (!dev && urlProd === urlProdPlaceholder && !env.quiet) {
    console.warn(
      '\n[manifest] ADDIN_PROD_URL is not set: dist/manifest.xml points at the placeholder ' +
        `${urlProdPlaceholder}. Set ADDIN_PROD_URL to the HTTPS folder that serves dist/ (docs/addin.md).\n`,
    );
  }
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
      templateParameters: { cssVersion },
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
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: fabricCss, to: 'fabric-core.css', transform: (content) => stripNetworkRules(content.toString()) },
          { from: taskpaneCss, to: 'taskpane.css' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
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
