/**
 * Babel for the add-in bundles (webpack's babel-loader). Volume-licensed Excel 2016/2019 host
 * add-ins in the Internet Explorer 11 webview, so everything shipped is ES5 with the core-js
 * polyfills the code actually uses (as Microsoft's add-in template does). Jest uses ts-jest and
 * the CLI uses tsx, so this file only shapes what runs in Excel.
 */
const coreJsVersion = require('core-js/package.json').version;

module.exports = {
  presets: [
    [
      '@babel/preset-env',
      {
        targets: { ie: '11' },
        useBuiltIns: 'usage',
        corejs: { version: coreJsVersion, proposals: false },
        // ES modules stay for webpack to bundle; Babel only lowers the syntax.
        modules: false,
      },
    ],
    ['@babel/preset-typescript', { onlyRemoveTypeImports: false }],
  ],
};
