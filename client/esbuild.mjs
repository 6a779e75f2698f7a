// Bundles the extension and the language server into dist/, so the .vsix
// carries everything it runs and needs no npm package at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: !production, minify: production, logLevel: 'info' };

await Promise.all([
  build({ ...common, entryPoints: [here('./src/extension.ts')], outfile: here('./dist/extension.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [here('../server/bin.ts')], outfile: here('./dist/server.js') }),
]);
