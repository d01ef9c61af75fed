// Builds the hosts that render the one pane of shared/ui/:
//   npm run build:addin                                        the Excel add-in into dist/addin/, for https://localhost:3000
//   ADDIN_ORIGIN=https://example.org/cchc npm run build:addin  the same, every manifest URL on that origin
//   npm run start:addin                                        https dev server on port 3000 (addin-excel/SIDELOAD.md)
//   npm run build:sheets                                       the Sheets add-on into dist/sheets/, ready for clasp push
//   npm run build:web                                          the offline web page, one file: dist/web/cchc.html
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { URL } = require('node:url');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DEV_ORIGIN, parseOrigin, substituteOrigin } = require('./addin-excel/scripts/manifest-origin.js');
const { devHeaders } = require('./addin-excel/scripts/dev-headers.js');
const { AppsScriptGlobalsPlugin, inlineScript } = require('./apps-script/scripts/build-plugins.js');

const UI_DIR = path.join(__dirname, 'shared', 'ui');
const PANE_DIR = path.join(__dirname, 'addin-excel', 'src', 'taskpane');
const OUT_DIR = path.join(__dirname, 'dist', 'addin');
const SHEETS_DIR = path.join(__dirname, 'apps-script');
const SHEETS_OUT = path.join(__dirname, 'dist', 'sheets');
/** The pane's markup, the same in every host's page. */
const paneBody = () => fs.readFileSync(path.join(UI_DIR, 'pane.html'), 'utf8');
const ASSETS_DIR = path.join(__dirname, 'addin-excel', 'assets');
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * The files of @microsoft/office-js that Excel actually loads, served from our own origin (no CDN). office.js
 * requests, relative to its own URL:
 * - the host's script `excel-<platform>-<version>.js`, capped at the versions of OSF.HostSpecificFileVersionMap:
 *   web 16.00, Windows 16.01, Mac 16.00. Excel on iPad and Android has no shared runtime (SharedRuntime 1.1 is
 *   a requirement of the manifest), so their scripts are left out;
 * - `<locale>/office_strings.js` for the Office UI language, falling back to en-us when that file fails to
 *   load: en-us and vi-vn are the two languages of this add-in;
 * - o15apptofilemappingtable.js when there is no host (the page opened in a plain browser, e.g. by an
 *   end-to-end test) or in a dialog on Windows: without it Office.onReady never resolves there. It also tries
 *   to frame Microsoft's telemetry proxy; the content security policy blocks that.
 * Left out on purpose: telemetry/oteljs_agave.js (office.js asks for it once a host is connected and turns its
 * telemetry off when that request fails; the file would post to Microsoft's collectors), ariatelemetry/ (never
 * requested: the host scripts set EnableSendingTelemetryWithLegacyAria to false), webauth/ (single sign-on
 * only), the *.debug.js twins (only office.debug.js asks for them) and the scripts of other hosts.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'excel-web-16.00.js',
  'excel-win32-16.01.js',
  'excel-mac-16.00.js',
  'o15apptofilemappingtable.js',
  'en-us/office_strings.js',
  'vi-vn/office_strings.js',
];

// The dev server's own policy; the production host must send an equivalent one (or the page's meta tag).

/** TypeScript through ts-loader, types checked by `npm run typecheck`: the bundle only needs the JavaScript. */
function typescript(configFile, target) {
  return {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'ts-loader',
        options: {
          transpileOnly: true,
          configFile,
          // The tsconfigs are for type checking only (noEmit); ES modules let webpack drop unused code.
          compilerOptions: { noEmit: false, module: 'es2020', target },
        },
      },
    ],
  };
}

module.exports = async (env, argv) => {
  const mode = argv.mode ?? 'production';
  // One configuration per bundle; --config-name picks (package.json: build:addin, build:sheets).
  return [await addinConfig(env, mode), sheetsServerConfig(mode), sheetsSidebarConfig(mode), webConfig(mode)];
};

async function addinConfig(env, mode) {
  // Fails here, before any build work, when ADDIN_ORIGIN is not an https URL.
  const origin = parseOrigin(process.env.ADDIN_ORIGIN);
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    name: 'addin',
    mode,
    context: __dirname,
    entry: { taskpane: path.join(PANE_DIR, 'index.ts') },
    output: {
      path: OUT_DIR,
      // Hashed names in production so that Office's web cache never serves an old bundle with a new page.
      filename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // Webpack's development default ('eval') needs 'unsafe-eval', which the CSP above forbids.
    devtool: mode === 'production' ? false : 'source-map',
    resolve: { extensions: ['.ts', '.js'] },
    module: typescript(path.join(__dirname, 'addin-excel', 'tsconfig.json'), 'es2022'),
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(PANE_DIR, 'taskpane.html'),
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { paneBody: paneBody() },
      }),
      new CopyWebpackPlugin({
        patterns: [
          // A static stylesheet linked from taskpane.html: no CSS loader, and nothing inline for the CSP.
          { from: path.join(UI_DIR, 'pane.css'), to: 'taskpane.css' },
          { from: '*.png', context: ASSETS_DIR, to: 'assets/[name][ext]' },
          { from: 'support.html', context: ASSETS_DIR, to: 'assets/[name][ext]' },
          // Explicit targets: [path] would drop the locale folders, and both string files share one name.
          ...OFFICE_JS_FILES.map((file) => ({
            from: file,
            context: OFFICE_JS_DIST,
            to: `office-js/${file}`,
          })),
          {
            from: path.join(__dirname, 'manifest.xml'),
            to: 'manifest.xml',
            transform: { transformer: (content) => substituteOrigin(content.toString('utf8'), origin) },
          },
          // Served byte for byte: production minimizers would otherwise rewrite Microsoft's scripts too.
        ].map((pattern) => ({ ...pattern, info: { minimized: true } })),
      }),
    ],
    // Size hints for our own bundle only: the office.js host scripts are as Microsoft ships them.
    performance: { assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/') },
    devServer: {
      // Loopback only: the development build is for this machine's Excel.
      host: 'localhost',
      port: Number(new URL(DEV_ORIGIN).port),
      server: {
        type: 'https',
        // Only when serving: this installs or renews the trusted localhost certificate on first use.
        options: serving ? await devCertificates() : undefined,
      },
      // A Content-Security-Policy on everything; CORS for Office's origins on the icons only (dev-headers.js).
      headers: (req) => devHeaders(req.url, req.headers.origin),
      // Trusting the host name also lets Excel on the web load the icons cross-site: webpack-dev-server
      // answers such requests with 403 otherwise. Nothing served here is secret, and it listens on loopback.
      allowedHosts: ['localhost'],
      static: { directory: OUT_DIR, watch: false },
      // No hot or live reload: their client script and overlay need a websocket and inline styles. Reload the
      // pane by hand (right-click > Reload) after a change.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
    },
  };
}

/** What both halves of the Sheets add-on build alike: ES2020 (Apps Script's V8 and the sidebar), no source maps. */
function sheetsBundle(name, mode, entry) {
  return {
    name,
    mode,
    context: __dirname,
    target: ['web', 'es2020'],
    entry,
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: typescript(path.join(SHEETS_DIR, 'tsconfig.json'), 'es2020'),
    performance: { hints: false },
  };
}

/**
 * Code.js for Apps Script: one classic script (ES2020, no import/export). The server module is bundled as the
 * library CCHC and every one of its exports gets a top-level function that forwards to it, since the menu and
 * google.script.run only see top-level functions. Not minified: an officer pasting it into the script editor
 * can read it, and the @OnlyCurrentDoc annotation must survive.
 */
function sheetsServerConfig(mode) {
  return {
    ...sheetsBundle('sheets-server', mode, { Code: path.join(SHEETS_DIR, 'src', 'server', 'index.ts') }),
    output: {
      path: SHEETS_OUT,
      filename: '[name].js',
      library: { name: 'CCHC', type: 'var' },
      iife: true,
      clean: { keep: /^sidebar\.html$/ },
    },
    optimization: { minimize: false },
    plugins: [
      new AppsScriptGlobalsPlugin({ library: 'CCHC', banner: '/** @OnlyCurrentDoc */' }),
      new CopyWebpackPlugin({ patterns: [{ from: path.join(SHEETS_DIR, 'appsscript.json') }] }),
    ],
  };
}

/**
 * sidebar.html for HtmlService: the shared pane with its stylesheet and script inlined, one self-contained file
 * (HtmlService serves exactly one file; the pane loads nothing from anywhere). The script asset itself is left
 * out of dist/sheets/, where clasp would push it as server code.
 */
function sheetsSidebarConfig(mode) {
  return {
    ...sheetsBundle('sheets-sidebar', mode, { sidebar: path.join(SHEETS_DIR, 'src', 'sidebar', 'index.ts') }),
    output: { path: SHEETS_OUT, filename: '[name].inline.js', clean: false },
    // The script is minified; the page is left as written, so the server finds its data-command="" to fill in.
    optimization: { minimizeOptions: { html: false } },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(SHEETS_DIR, 'src', 'sidebar', 'sidebar.html'),
        filename: 'sidebar.html',
        inject: false,
        minify: false,
        templateParameters: (compilation) => ({
          paneBody: paneBody(),
          css: fs.readFileSync(path.join(UI_DIR, 'pane.css'), 'utf8'),
          script: inlineScript(compilation, 'sidebar.inline.js'),
        }),
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('DropInlinedScript', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'DropInlinedScript', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
              () => compilation.deleteAsset('sidebar.inline.js'),
            );
          });
        },
      },
    ],
  };
}

/** The CSP source that allows exactly this inline text. */
function sha256(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * cchc.html: the offline web page for Excel 2016/2019, LibreOffice and WPS (web/). One self-contained file, as the
 * sidebar: the pane's stylesheet and the script inlined, nothing loaded from anywhere. The script runs the page
 * and, from a blob of its own text, the worker; it is one chunk (exceljs, for the templates, is in it but only
 * evaluated when a template is downloaded). The CSP allows the inline script and style by their hashes, so no
 * 'unsafe-inline' is needed.
 */
function webConfig(mode) {
  const WEB_DIR = path.join(__dirname, 'web');
  return {
    name: 'web',
    mode,
    context: __dirname,
    target: ['web', 'es2020'],
    entry: { cchc: path.join(WEB_DIR, 'src', 'index.ts') },
    output: { path: path.join(__dirname, 'dist', 'web'), filename: '[name].inline.js', clean: true },
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: typescript(path.join(WEB_DIR, 'tsconfig.json'), 'es2020'),
    performance: { hints: false },
    optimization: { minimizeOptions: { html: false } },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        template: path.join(WEB_DIR, 'src', 'cchc.html'),
        filename: 'cchc.html',
        inject: false,
        minify: false,
        templateParameters: (compilation) => ({
          paneBody: paneBody(),
          css: [path.join(UI_DIR, 'pane.css'), path.join(WEB_DIR, 'src', 'web.css')]
            .map((f) => fs.readFileSync(f, 'utf8'))
            .join('\n')
            .replace(/<\/(style)/gi, '<\\/$1'),
          script: inlineScript(compilation, 'cchc.inline.js'),
        }),
      }),
      {
        // The policy is written last, from the page as emitted: each hash covers its element's exact text,
        // whatever whitespace the template puts around it.
        apply(compiler) {
          compiler.hooks.compilation.tap('WebPagePolicy', (compilation) => {
            HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('WebPagePolicy', (data) => {
              const hashes = (tag) =>
                [...data.html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
                  sha256(m[1]),
                );
              const csp = [
                "default-src 'none'",
                `script-src ${hashes('script').join(' ')}`,
                `style-src ${hashes('style').join(' ')}`,
                // The worker is the page's own script from a blob URL.
                'worker-src blob:',
                'img-src data:',
                "connect-src 'none'",
                "base-uri 'none'",
                "form-action 'none'",
              ].join('; ');
              data.html = data.html.replace('__CSP__', csp);
              return data;
            });
          });
        },
      },
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('DropInlinedWebScript', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'DropInlinedWebScript', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
              () => compilation.deleteAsset('cchc.inline.js'),
            );
          });
        },
      },
    ],
  };
}

/**
 * The trusted localhost certificate of office-addin-dev-certs. Trusting its CA needs administrator rights (sudo
 * on Linux, a prompt on Windows and Mac); where that fails the generated certificate is still served, with a
 * note on how to trust it, rather than no server at all.
 */
async function devCertificates() {
  const certs = require('office-addin-dev-certs');
  const paths = require('office-addin-dev-certs/lib/defaults');
  try {
    const { ca, cert, key } = await certs.getHttpsServerOptions();
    return { ca, cert, key };
  } catch (e) {
    const fs = require('node:fs');
    const files = [paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath];
    if (!files.every((f) => fs.existsSync(f))) throw e;
    const reason = String(e && e.message ? e.message : e).split('\n')[0];
    console.warn(
      `\n[cchc] The development certificate was made but not trusted (${reason}).\n` +
        `[cchc] Serving it anyway: trust ${paths.caCertificatePath} in your browser or system, or run\n` +
        '[cchc] "npx office-addin-dev-certs install" with administrator rights, before loading the add-in.\n',
    );
    const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
    return { ca, cert, key };
  }
}
