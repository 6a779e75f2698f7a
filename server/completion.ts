/**
 * Completion from the line as typed so far: table and chain names, `-m`
 * matches and `-j` targets valid in this table and chain, the options of the
 * extensions already loaded on the line, and the named values an option takes.
 */
import { CompletionItemKind, CompletionItemTag, type CompletionItem, type Range } from 'vscode-languageserver';
import { findMatch, listExtensions, STANDARD_VERDICTS } from '../src/catalog/index.js';
import type { ExtensionDef, Family, Hook } from '../src/catalog/types.js';
import { BUILTIN_CHAINS } from '../src/model/build.js';
import type { Rule, Table } from '../src/model/types.js';
import type { Analysis } from './document-state.js';
import { tableAt } from './locate.js';
import { enumerate, protocols, type Enumeration } from './values.js';

const TABLES: Record<string, string> = {
  filter: 'Filtering: INPUT, FORWARD, OUTPUT',
  nat: 'Address translation: PREROUTING, INPUT, OUTPUT, POSTROUTING',
  mangle: 'Packet alteration: all five hooks',
  raw: 'Before connection tracking: PREROUTING, OUTPUT',
  security: 'SELinux and other MAC labels: INPUT, FORWARD, OUTPUT',
};
const CHAIN_COMMANDS = new Set(['-A', '--append', '-I', '--insert', '-D', '--delete', '-R', '--replace', '-C', '--check', '-P', '--policy', '-F', '--flush', '-Z', '--zero', '-X', '--delete-chain', '-E', '--rename-chain', '-L', '--list', '-S', '--list-rules']);
const VERDICTS: Record<string, string> = { ACCEPT: 'Let the packet through', DROP: 'Discard the packet silently', RETURN: 'Continue in the calling chain', QUEUE: 'Pass the packet to userspace (queue 0)' };

const GENERIC: [string, string][] = [
  ['-p', 'Protocol'],
  ['-s', 'Source address[/mask][,…]'],
  ['-d', 'Destination address[/mask][,…]'],
  ['-i', 'Input interface'],
  ['-o', 'Output interface'],
  ['-m', 'Load a match extension'],
  ['-j', 'Jump to a target or chain'],
  ['-g', 'Go to a chain (no return)'],
];

interface Context {
  analysis: Analysis;
  line: number;
  table?: Table;
  family: Family;
  range: Range;
  word: string;
}

export function complete(analysis: Analysis, line: number, character: number): CompletionItem[] {
  // One line past the end is where a file ending in a newline is typed on; further is not in the document.
  if (line < 0 || line > analysis.doc.texts.length || character < 0) return [];
  const text = analysis.doc.texts[line] ?? '';
  if (character > text.length) return [];
  const prefix = text.slice(0, character);
  const wordStart = Math.max(prefix.lastIndexOf(' '), prefix.lastIndexOf('\t')) + 1;
  let wordEnd = character;
  while (wordEnd < text.length && text[wordEnd] !== ' ' && text[wordEnd] !== '\t') wordEnd++;
  const ctx: Context = {
    analysis,
    line,
    table: tableAt(analysis, line),
    family: analysis.result.file.family,
    range: { start: { line, character: wordStart }, end: { line, character: wordEnd } },
    word: prefix.slice(wordStart),
  };
  if (wordStart === 0) return lineStart(ctx);
  if (text.startsWith('#') || text.startsWith('*')) return [];
  const before = prefix.slice(0, wordStart).split(/[ \t]+/).filter(Boolean);
  if (text.startsWith(':')) return before.length === 1 ? policies(ctx, before[0].slice(1)) : [];
  return ruleLine(ctx, before);
}

function lineStart(ctx: Context): CompletionItem[] {
  if (ctx.word.startsWith('*') || !ctx.table) {
    return Object.entries(TABLES).map(([name, detail]) => item(ctx, `*${name}`, CompletionItemKind.Module, detail));
  }
  if (ctx.word.startsWith(':')) {
    const table = ctx.table;
    const builtins = table.known ? BUILTIN_CHAINS[table.name] : [];
    return builtins
      .filter((name) => !table.chains.get(name)?.declaration)
      .map((name) => ({ ...item(ctx, `:${name}`, CompletionItemKind.Reference, `built-in chain of ${table.name}`), textEdit: { range: ctx.range, newText: `:${name} ACCEPT [0:0]` } }));
  }
  return [
    item(ctx, '-A', CompletionItemKind.Keyword, 'Append a rule to a chain'),
    item(ctx, '-N', CompletionItemKind.Keyword, 'Create a user chain'),
    item(ctx, 'COMMIT', CompletionItemKind.Keyword, `End of table ${ctx.table.name}`),
  ];
}

function policies(ctx: Context, chain: string): CompletionItem[] {
  const builtin = ctx.table?.known && BUILTIN_CHAINS[ctx.table.name].includes(chain);
  if (builtin) return [item(ctx, 'ACCEPT', CompletionItemKind.Constant, 'Default policy'), item(ctx, 'DROP', CompletionItemKind.Constant, 'Default policy')];
  return [item(ctx, '-', CompletionItemKind.Constant, 'User chains have no policy')];
}

function ruleLine(ctx: Context, before: string[]): CompletionItem[] {
  const rule = ctx.analysis.lineInfo.get(ctx.line)?.command?.rule;
  // The nearest option before the word, and how many values of it come before the word.
  let i = before.length - 1;
  let valueIndex = 0;
  while (i >= 0 && !before[i].startsWith('-')) {
    if (before[i] !== '!') valueIndex++;
    i--;
  }
  const option = i >= 0 ? before[i] : undefined;
  if (option !== undefined && valueIndex === 0 && !ctx.word.startsWith('-')) {
    if (CHAIN_COMMANDS.has(option)) return chains(ctx, false);
    if (option === '-N' || option === '--new-chain') return [];
    if (option === '-j' || option === '--jump') return [...targets(ctx, before), ...chains(ctx, true)];
    if (option === '-g' || option === '--goto') return chains(ctx, true);
    if (option === '-m' || option === '--match') return matches(ctx, before);
    if (option === '-p' || option === '--protocol') return values(ctx, protocols(ctx.family));
  }
  if (option?.startsWith('--') && !ctx.word.startsWith('-')) {
    const def = loadedExtensions(ctx, rule, before).flatMap((ext) => ext.options.map((o) => ({ ext, o }))).find(({ o }) => [o.name, ...(o.aliases ?? [])].includes(option.slice(2)));
    const spec = def?.o.args?.[valueIndex];
    if (spec) {
      const enumeration = enumerate(spec, ctx.family);
      if (!enumeration) return [];
      // Values the kernel refuses in this built-in chain (policy --dir out in INPUT) are not offered.
      const hook = hookOf(ctx, before);
      const byValue = valueIndex === 0 ? def.o.hooksByValue : undefined;
      if (!hook || !byValue) return values(ctx, enumeration);
      return values(ctx, { ...enumeration, values: enumeration.values.filter((v) => !Object.hasOwn(byValue, v.value) || byValue[v.value].includes(hook)) });
    }
  }
  return options(ctx, rule, before);
}

function chains(ctx: Context, userOnly: boolean): CompletionItem[] {
  if (!ctx.table) return [];
  return [...ctx.table.chains.values()]
    .filter((c) => !(userOnly && c.builtin))
    .map((c) => item(ctx, c.name, CompletionItemKind.Reference, c.builtin ? `built-in chain of ${ctx.table!.name}` : 'user chain'));
}

/**
 * The built-in chain the rule is appended to, when it is one of this table's: extensions limited to some hooks are
 * offered only there. (`INPUT` in the raw table is a user chain.)
 */
function hookOf(ctx: Context, before: string[]): Hook | undefined {
  const at = before.findIndex((t) => CHAIN_COMMANDS.has(t));
  const chain = at >= 0 ? before[at + 1] : undefined;
  const table = ctx.table?.name;
  if (!chain || !table || !Object.hasOwn(BUILTIN_CHAINS, table)) return undefined;
  return BUILTIN_CHAINS[table].includes(chain) ? (chain as Hook) : undefined;
}

function validHere(ctx: Context, ext: ExtensionDef, before: string[]): boolean {
  if (!ext.families.includes(ctx.family)) return false;
  const table = ctx.table?.name;
  if (ext.tables && table && !(ext.tables as readonly string[]).includes(table)) return false;
  const hook = hookOf(ctx, before);
  if (ext.hooks && hook && !ext.hooks.includes(hook)) return false;
  return true;
}

function extensionItem(ctx: Context, ext: ExtensionDef): CompletionItem {
  const result = item(ctx, ext.name, ext.type === 'match' ? CompletionItemKind.Module : CompletionItemKind.Function, ext.type);
  result.documentation = ext.summary;
  if (ext.deprecated) result.tags = [CompletionItemTag.Deprecated];
  return result;
}

function targets(ctx: Context, before: string[]): CompletionItem[] {
  const verdicts = [...STANDARD_VERDICTS].map((v) => item(ctx, v, CompletionItemKind.Constant, VERDICTS[v] ?? 'verdict'));
  return [...verdicts, ...listExtensions().filter((e) => e.type === 'target' && validHere(ctx, e, before)).map((e) => extensionItem(ctx, e))];
}

function matches(ctx: Context, before: string[]): CompletionItem[] {
  return listExtensions().filter((e) => e.type === 'match' && validHere(ctx, e, before)).map((e) => extensionItem(ctx, e));
}

/** The extensions whose options may follow here: matches loaded before the word, the implicit protocol match, the target once named. */
function loadedExtensions(ctx: Context, rule: Rule | undefined, before: string[]): ExtensionDef[] {
  const wordStart = ctx.range.start.character;
  const out: ExtensionDef[] = [];
  const add = (def: ExtensionDef | undefined) => {
    if (def && !out.includes(def)) out.push(def);
  };
  for (const m of rule?.matches ?? []) if ((m.keyword ?? m.name)?.start === undefined || (m.keyword ?? m.name)!.start < wordStart) add(m.def);
  const p = before.findIndex((t) => t === '-p' || t === '--protocol');
  const protocol = p >= 0 ? before[p + 1]?.toLowerCase() : undefined;
  const implicit = protocol ? findMatch(protocol, ctx.family) : undefined;
  if (implicit?.implicitProtocol) add(implicit);
  const target = rule?.target;
  if (target && !target.standard && target.keyword && target.keyword.start < wordStart) add(target.def);
  return out.reverse();
}

function options(ctx: Context, rule: Rule | undefined, before: string[]): CompletionItem[] {
  const used = new Set<string>();
  for (const use of [...(rule?.matches ?? []), ...(rule?.target ? [rule.target] : [])]) {
    for (const o of use.options) if (o.def && !o.def.multi && o.token.start !== ctx.range.start.character) used.add(`${use.extensionName}/${o.def.name}`);
  }
  const items: CompletionItem[] = [];
  const hook = hookOf(ctx, before);
  loadedExtensions(ctx, rule, before).forEach((ext, rank) => {
    for (const o of ext.options) {
      if (o.family && o.family !== ctx.family) continue;
      if (hook && o.hooks && !o.hooks.includes(hook)) continue;
      if (used.has(`${ext.name}/${o.name}`)) continue;
      const result = item(ctx, `--${o.name}`, CompletionItemKind.Property, `${ext.type === 'match' ? '-m' : '-j'} ${ext.name}${o.args?.[0]?.label ? ` ${o.args[0].label}` : ''}`);
      result.documentation = o.summary;
      result.sortText = `${rank}${o.required ? 0 : 1}${o.name}`;
      if (o.deprecated) result.tags = [CompletionItemTag.Deprecated];
      items.push(result);
    }
  });
  const generic = GENERIC.filter(([flag]) => flag !== '-f' || ctx.family === 'ipv4').map(([flag, detail]) => ({ ...item(ctx, flag, CompletionItemKind.Keyword, detail), sortText: `9${flag}` }));
  return [...items, ...generic];
}

function values(ctx: Context, enumeration: Enumeration): CompletionItem[] {
  let range = ctx.range;
  let already = new Set<string>();
  if (enumeration.list) {
    // Complete the element after the last comma; the ones before stay as typed.
    const comma = ctx.word.lastIndexOf(',');
    if (comma >= 0) {
      range = { start: { line: ctx.line, character: range.start.character + comma + 1 }, end: range.end };
      already = new Set(ctx.word.slice(0, comma).split(',').map((v) => v.toLowerCase()));
    }
  }
  return enumeration.values
    .filter((v) => !already.has(v.value.toLowerCase()))
    .map((v, i) => {
      const result: CompletionItem = { label: v.value, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v.value }, sortText: String(i).padStart(4, '0') };
      if (v.detail) result.detail = v.detail;
      if (v.deprecated) result.tags = [CompletionItemTag.Deprecated];
      return result;
    });
}

function item(ctx: Context, label: string, kind: CompletionItemKind, detail?: string): CompletionItem {
  const result: CompletionItem = { label, kind, textEdit: { range: ctx.range, newText: label } };
  if (detail) result.detail = detail;
  return result;
}
