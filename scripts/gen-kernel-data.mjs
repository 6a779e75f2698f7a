#!/usr/bin/env node
// Generates src/kernel/data/*.ts from the kernel ground-truth tables (default: /work/shared/kernel).
// The generated files are committed: iptlint never reads the TSV tables at run time.
// Usage: node scripts/gen-kernel-data.mjs [SOURCE_DIR]
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = process.argv[2] ?? '/work/shared/kernel';
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'kernel', 'data');

function readTsv(name) {
  const lines = readFileSync(join(src, name), 'utf8').split('\n').filter((l) => l.length > 0);
  const head = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const row = {};
    head.forEach((h, i) => (row[h] = (cells[i] ?? '').trim()));
    return row;
  });
}

const list = (s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

// Modules a module asks for while a rule is checked, outside modules.dep: `SOFTDEP "pre: X"`
// and literal `request_module("X")` / `request_module("%s", "X")`. Format strings (`ipt_%s`) are
// the alias lookups the resolver already models, so they are skipped.
function runtimeModules(row) {
  const found = new Set();
  const soft = /pre:\s*([A-Za-z0-9_ -]+)/.exec(row.softdep ?? '');
  if (soft) for (const m of soft[1].trim().split(/\s+/)) found.add(m);
  for (const m of (row.runtime_requests ?? '').matchAll(/request_module\((?:"%s",\s*)?"([A-Za-z0-9_]+)"\)/g)) found.add(m[1]);
  return [...found];
}

// What iptables-nft 1.8.9 needs for an extension: native expressions need no xt module.
function nftFacts(text) {
  if (text.startsWith('native')) {
    // Expression modules (`nft_limit`, `nft_log`) and their backends (`nfnetlink_log`); nft_compat is
    // only named for the fallback, which is handled per option below.
    const modules = [...text.matchAll(/\b(nft_[a-z0-9_]+|nfnetlink_[a-z]+)\b/g)].map((m) => m[1]).filter((m) => m !== 'nft_compat');
    const fallbackText = text.split('falls back')[1] ?? '';
    const fallbackOptions = [...fallbackText.matchAll(/--([a-z-]+)/g)].map((m) => m[1]);
    return { native: true, modules: [...new Set(modules)], fallbackOptions, note: text };
  }
  return { native: false, modules: [], fallbackOptions: [], note: text };
}

const extensions = readTsv('extensions.tsv');
const tables = readTsv('tables.tsv');
const modules = readTsv('modules.tsv');
const ipsetTypes = readTsv('ipset_types.tsv');

const releases = [...new Set(extensions.map((r) => r.kernel))];
const configVersion = (release) => {
  const dir = join(src, release);
  const cfg = readdirSync(dir).find((f) => f.startsWith('config-'));
  const m = /^# Linux\/\S+ (\S+) Kernel Configuration/m.exec(readFileSync(join(dir, cfg), 'utf8'));
  if (!m) throw new Error(`no version header in ${cfg}`);
  return m[1];
};
const readme = readFileSync(join(src, 'README.md'), 'utf8');
const packageVersion = (release) => {
  const m = new RegExp(`\\|\\s*${release.replace(/[.+]/g, '\\$&')}\\s*\\|\\s*([^|\\s]+)\\s*\\|`).exec(readme);
  return m ? m[1] : undefined;
};

const index = [];
for (const release of releases) {
  const data = {
    release,
    version: configVersion(release),
    package: packageVersion(release),
    extensions: {},
    tables: {},
    modules: {},
    ipsetTypes: {},
  };
  for (const r of extensions.filter((x) => x.kernel === release)) {
    const key = `${r.family}/${r.kind}/${r.extension}`;
    data.extensions[key] = {
      module: r.module || undefined,
      status: r.module_status,
      config: r.config_symbol && r.config_symbol !== 'none' ? r.config_symbol : undefined,
      requests: list(r.kernel_request),
      loadOrder: list(r.modprobe_load_order),
      runtime: runtimeModules(r),
      nft: nftFacts(r['iptables_nft_1.8.9']),
      notes: r.notes || undefined,
    };
  }
  for (const r of tables.filter((x) => x.kernel === release)) {
    data.tables[`${r.family}/${r.table}`] = {
      module: r.module,
      config: r.config_symbol,
      loadOrder: list(r.modprobe_load_order),
      nftChainModule: /nft-chain-\d+-nat -> (\w+)/.exec(r.iptables_nft_equivalent)?.[1],
    };
  }
  for (const r of modules.filter((x) => x.kernel === release)) {
    data.modules[r.module] = {
      config: r.config_symbol || undefined,
      status: r.module_status,
      path: r.path || undefined,
      depends: list(r.modinfo_depends),
      closure: list(r.depends_closure),
      aliases: list(r.modinfo_alias),
      runtime: runtimeModules(r),
    };
  }
  for (const r of ipsetTypes.filter((x) => x.kernel === release)) {
    data.ipsetTypes[r.set_type] = { module: r.module, config: r.config_symbol, family: r.family, closure: list(r.depends_closure) };
  }
  const ident = 'kernel_' + data.version.replace(/\W/g, '_');
  const file = `linux-${data.version}.ts`;
  const drop = (_k, v) => (Array.isArray(v) && v.length === 0 ? undefined : v);
  // One entry per line: small diffs when the tables are regenerated.
  const section = (obj) => '{\n' + Object.keys(obj).sort().map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(obj[k], drop)},`).join('\n') + '\n  }';
  const body =
    '{\n' +
    ['release', 'version', 'package'].map((k) => `  ${k}: ${JSON.stringify(data[k])},`).join('\n') + '\n' +
    ['extensions', 'tables', 'modules', 'ipsetTypes'].map((k) => `  ${k}: ${section(data[k])},`).join('\n') +
    '\n}';
  writeFileSync(
    join(out, file),
    `// Generated by scripts/gen-kernel-data.mjs from the Debian ${release} kernel tables. Do not edit.\n` +
      `import type { KernelData } from './types.js';\n\n` +
      `export const ${ident}: KernelData = ${body};\n`,
  );
  index.push({ ident, file, version: data.version });
}
index.sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
writeFileSync(
  join(out, 'index.ts'),
  `// Generated by scripts/gen-kernel-data.mjs. Do not edit.\n` +
    index.map((i) => `import { ${i.ident} } from './${i.file.replace(/\.ts$/, '.js')}';`).join('\n') +
    `\nimport type { KernelData } from './types.js';\n\nexport type { KernelData } from './types.js';\n\n` +
    `/** Reference kernels, oldest first. */\nexport const referenceKernels: readonly KernelData[] = [${index.map((i) => i.ident).join(', ')}];\n`,
);
console.log(`wrote ${index.length} kernels to ${out}`);
