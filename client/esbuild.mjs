// Bundles the extension and the language server into dist/, so the .vsix
// carries everything it runs and needs no npm package at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: !production, minify: production, logLevel: 'info' };

await Promise.all([
  build({ ...common, entryPoints: [here('./src/extension.ts')], outfile: here('./dist/extension.js'), external: ['vscode'] }),
  // import.meta.url is only read in the compiled (ES module) server; the bundle finds its worker by __filename.
  build({ ...common, entryPoints: [here('../server/bin.ts')], outfile: here('./dist/server.js'), logOverride: { 'empty-import-meta': 'silent' } }),
  build({ ...common, entryPoints: [here('../server/lint-worker-main.ts')], outfile: here('./dist/lint-worker-main.js') }),
]);
