/**
 * Hover: what a match or target does and which kernel module and CONFIG_
 * symbol it needs (and whether the configured kernels have it); what an
 * option means and what it accepts; where a chain is declared and how many
 * rules jump to it.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ExtensionDef, OptionDef } from '../src/catalog/types.js';
import type { KernelProfile } from '../src/kernel/profile.js';
import { referenceFor } from '../src/kernel/reference.js';
import { moduleState, type ModuleState } from '../src/kernel/state.js';
import { BUILTIN_CHAINS } from '../src/model/build.js';
import type { Analysis } from './document-state.js';
import { chainOccurrences, locate, type Located } from './locate.js';
import { toRange } from './navigation.js';
import { enumerate, optionSpellings } from './values.js';

const FAMILY_NAME = { ipv4: 'IPv4', ipv6: 'IPv6' } as const;

export function hover(analysis: Analysis, line: number, character: number, kernels: KernelProfile[]): Hover | null {
  const found = locate(analysis, line, character);
  if (!found) return null;
  const value = hoverText(analysis, found, kernels);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: toRange(found.span) } : null;
}

function hoverText(analysis: Analysis, found: Located, kernels: KernelProfile[]): string | undefined {
  switch (found.kind) {
    case 'table':
      return tableText(found.table);
    case 'chain':
      return chainText(analysis, found);
    case 'extension':
      return found.use.def ? extensionText(found.use.def, analysis, kernels) : undefined;
    case 'option':
      return found.option.def && found.use.def ? optionText(found.option.def, found.use.def, analysis) : undefined;
  }
}

function tableText(table: Extract<Located, { kind: 'table' }>['table']): string {
  if (!table.known) return `**\\*${table.name}**: not a table iptables knows (filter, nat, mangle, raw, security)`;
  const builtins = BUILTIN_CHAINS[table.name].join(', ');
  const users = [...table.chains.values()].filter((c) => !c.builtin).length;
  return `**\\*${table.name}** table\n\nBuilt-in chains: ${builtins}. ${users} user chain${users === 1 ? '' : 's'}, ${table.commands.length} command${table.commands.length === 1 ? '' : 's'}.`;
}

function chainText(analysis: Analysis, found: Extract<Located, { kind: 'chain' }>): string {
  const chain = found.table.chains.get(found.name);
  const occurrences = chainOccurrences(analysis, found.table, found.name);
  const jumps = occurrences.filter((o) => o.kind === 'jump').length;
  const gotos = occurrences.filter((o) => o.kind === 'goto').length;
  const parts: string[] = [];
  if (!chain) {
    parts.push(`**${found.name}**: no chain of this name is declared in table \`${found.table.name}\``);
  } else {
    const what = chain.builtin ? `built-in chain of table \`${found.table.name}\`` : `user chain in table \`${found.table.name}\``;
    parts.push(`**${found.name}**: ${what}`);
    const where = chain.declaration ? `Declared on line ${chain.declaration.line + 1}` : 'Not declared in this file';
    const policy = chain.policy && chain.policy.value !== '-' ? `, policy ${chain.policy.value}` : '';
    parts.push(`${where}${policy}. ${chain.rules.length} rule${chain.rules.length === 1 ? '' : 's'}.`);
  }
  const total = jumps + gotos;
  const how = [jumps ? `${jumps} with -j` : '', gotos ? `${gotos} with -g` : ''].filter(Boolean).join(', ');
  parts.push(total === 0 ? 'No rule jumps to it.' : `${total} rule${total === 1 ? ' jumps' : 's jump'} to it (${how}).`);
  return parts.join('\n\n');
}

function extensionText(def: ExtensionDef, analysis: Analysis, kernels: KernelProfile[]): string {
  const family = analysis.result.file.family;
  const flag = def.type === 'match' ? '-m' : '-j';
  const parts = [`**${flag} ${def.name}** (${def.type})`, def.summary];
  const facts: string[] = [];
  facts.push(`Families: ${def.families.map((f) => FAMILY_NAME[f]).join(', ')}`);
  if (def.tables?.length) facts.push(`tables: ${def.tables.join(', ')}`);
  if (def.hooks?.length) facts.push(`chains: ${def.hooks.join(', ')}`);
  if (def.protocols?.length) facts.push(`protocols: ${def.protocols.join(', ')}`);
  parts.push(`${facts.join('; ')}.`);
  if (def.deprecated) parts.push(`**Deprecated**: ${def.deprecated}`);
  if (def.options.length) {
    parts.push(`Options: ${def.options.filter((o) => !o.family || o.family === family).map((o) => `\`--${o.name}\``).join(', ')}`);
  }
  parts.push(...kernelLines(def, family, kernels));
  return parts.join('\n\n');
}

function kernelLines(def: ExtensionDef, family: 'ipv4' | 'ipv6', kernels: KernelProfile[]): string[] {
  const key = `${family}/${def.type}/${def.name}`;
  const lines: string[] = [];
  const profiles: (KernelProfile | undefined)[] = kernels.length > 0 ? kernels : [undefined];
  for (const profile of profiles) {
    const ref = referenceFor(profile);
    const fact = ref.extensions[key];
    if (!fact) continue;
    if (!fact.module) {
      lines.push(`Kernel ${ref.release}: no module provides it.`);
      continue;
    }
    const config = fact.config ? `, \`${fact.config}\`` : '';
    let line = `Kernel module \`${fact.module}\`${config}`;
    line += profile ? `: ${describeState(moduleState(profile, { module: fact.module, config: fact.config }))} on ${profile.label}` : ` (from the ${ref.release} reference kernel)`;
    lines.push(`${line}.`);
    if (fact.nft?.note) lines.push(`iptables-nft: ${fact.nft.note}.`);
  }
  return lines;
}

function describeState(state: ModuleState): string {
  switch (state.state) {
    case 'loaded':
      return 'loaded';
    case 'builtin':
      return `built in (${state.file})`;
    case 'not-built':
      return state.symbol
        ? `**not built**: ${state.symbol.symbol} is not set in ${state.file} (line ${state.symbol.line + 1})`
        : `**not built** (not in ${state.file})`;
    case 'not-installed':
      return `**not installed** (not in ${state.file})`;
    case 'not-loaded':
      return 'available as a module, not loaded now';
    case 'available':
      return 'available as a module';
    case 'unknown':
      return 'unknown';
  }
}

function optionText(def: OptionDef, ext: ExtensionDef, analysis: Analysis): string {
  const family = analysis.result.file.family;
  const parts = [`**${optionSpellings(def).join('**, **')}** (${ext.type === 'match' ? '-m' : '-j'} ${ext.name})`, def.summary];
  for (const [i, spec] of (def.args ?? []).entries()) {
    const label = spec.label ? `\`${spec.label}\`` : spec.kind;
    const which = (def.args?.length ?? 0) > 1 ? `Value ${i + 1}` : 'Value';
    const bounds = spec.min !== undefined || spec.max !== undefined ? ` (${spec.min ?? ''}–${spec.max ?? ''})` : '';
    let line = `${which}: ${label}${bounds}`;
    const values = enumerate(spec, family);
    if (values) {
      const shown = values.values.slice(0, 40).map((v) => `\`${v.value}\``).join(', ');
      line += `. Accepted${values.list ? ', comma-separated' : ''}: ${shown}${values.values.length > 40 ? ', …' : ''}`;
    }
    parts.push(line);
  }
  if (!def.args?.length) parts.push(def.optionalArg ? 'Takes an optional value (`--opt=value`).' : 'A flag: takes no value.');
  const notes: string[] = [];
  if (def.invert) notes.push('may be negated with `!`');
  if (def.required) notes.push('required');
  if (def.multi) notes.push('may be repeated');
  if (def.excludes?.length) notes.push(`not together with ${def.excludes.map((n) => `\`--${n}\``).join(', ')}`);
  if (def.requires?.length) notes.push(`needs ${def.requires.map((n) => `\`--${n}\``).join(', ')}`);
  if (notes.length) parts.push(`${notes.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()));
  if (def.deprecated) parts.push(`**Deprecated**: ${def.deprecated}`);
  return parts.join('\n\n');
}
