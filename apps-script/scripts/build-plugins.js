/**
 * The two webpack pieces the Sheets build needs (webpack.config.js):
 * - AppsScriptGlobalsPlugin: Apps Script calls only top-level functions of its scripts, but webpack wraps the
 *   bundle in a function. Once webpack has bundled the server as a library (`var CCHC = …`), this writes, after
 *   the bundle, one top-level function per export of the entry module, read from webpack's own module graph, so
 *   an export cannot be forgotten or tree-shaken away (the trap of plugins that look for `global.x = …`).
 * - inlineScript: the sidebar's minified bundle, escaped to sit inside a <script> element of sidebar.html.
 */
const { Compilation, sources } = require('webpack');

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

class AppsScriptGlobalsPlugin {
  constructor({ library, banner = '' }) {
    this.library = library;
    this.banner = banner;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AppsScriptGlobalsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AppsScriptGlobalsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          for (const chunk of compilation.chunks) {
            const names = new Set();
            for (const module of compilation.chunkGraph.getChunkEntryModulesIterable(chunk)) {
              const provided = compilation.moduleGraph.getExportsInfo(module).getProvidedExports();
              if (!Array.isArray(provided)) {
                compilation.errors.push(new Error(`${module.identifier()}: its exports cannot be listed`));
                continue;
              }
              for (const name of provided) {
                if (!IDENTIFIER.test(name))
                  compilation.errors.push(new Error(`export "${name}" is no identifier`));
                else names.add(name);
              }
            }
            const stubs = [...names]
              .sort()
              .map((n) => `function ${n}() {\n  return ${this.library}.${n}.apply(this, arguments);\n}\n`)
              .join('');
            for (const file of chunk.files) {
              if (!file.endsWith('.js')) continue;
              compilation.updateAsset(
                file,
                (old) => new sources.ConcatSource(this.banner ? `${this.banner}\n` : '', old, '\n', stubs),
              );
            }
          }
        },
      );
    });
  }
}

/** The asset's text, safe between <script> and </script>: "</script" and "<!--" cannot end or bend it. */
function inlineScript(compilation, file) {
  const asset = compilation.getAsset(file);
  if (!asset) throw new Error(`${file} was not built`);
  return asset.source
    .source()
    .toString()
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}

module.exports = { AppsScriptGlobalsPlugin, inlineScript };
