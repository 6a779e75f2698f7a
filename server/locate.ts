/**
 * What sits at a position of an analysed document: a table header, a chain
 * name, a match or target name, an option or one of its values. Hover,
 * completion and navigation all start here.
 */
import type { LineNode } from '../grammar/syntax.js';
import { STANDARD_VERDICTS } from '../src/catalog/index.js';
import type { Arg, Command, ExtensionUse, OptionUse, Rule, Span, Table } from '../src/model/types.js';
import { tableOf, type Analysis } from './document-state.js';

export type Located =
  | { kind: 'table'; table: Table; span: Span }
  | { kind: 'chain'; table: Table; name: string; span: Span }
  | { kind: 'extension'; table: Table; rule: Rule; use: ExtensionUse; type: 'match' | 'target'; span: Span }
  | { kind: 'option'; table: Table; rule: Rule; use: ExtensionUse; option: OptionUse; span: Span; valueIndex?: number };

/** End-exclusive, like LSP ranges: the position after a token is not on it. */
const within = (arg: { start: number; end: number }, character: number) => arg.start <= character && character < arg.end;
const spanOf = (line: number, arg: { start: number; end: number }): Span => ({ line, start: arg.start, end: arg.end });

/** The table a line belongs to, also for lines the model does not index (blank, comments, half-typed). */
export const tableAt = tableOf;

/** The chain a jump or goto names, when it names one (not a verdict, not a target extension). */
export function jumpedChain(rule: Rule | undefined): Arg | undefined {
  const target = rule?.target;
  if (!target?.standard || !target.name) return undefined;
  return STANDARD_VERDICTS.has(target.name.value) ? undefined : target.name;
}

export function locate(analysis: Analysis, line: number, character: number): Located | undefined {
  const node: LineNode | undefined = analysis.doc.lines[line];
  const table = tableAt(analysis, line);
  if (!node || !table) return undefined;
  if (node.kind === 'table') {
    return node.name && within({ start: 0, end: node.name.end }, character) ? { kind: 'table', table, span: spanOf(line, node.name) } : undefined;
  }
  if (node.kind === 'chain') {
    return node.name && within(node.name, character) ? { kind: 'chain', table, name: node.name.value, span: spanOf(line, node.name) } : undefined;
  }
  const command = analysis.lineInfo.get(line)?.command;
  if (!command) return undefined;
  return locateInCommand(table, command, character);
}

function locateInCommand(table: Table, command: Command, character: number): Located | undefined {
  const line = command.line;
  if (command.chain && within(command.chain, character)) return { kind: 'chain', table, name: command.chain.value, span: spanOf(line, command.chain) };
  if (command.name === 'rename-chain' && command.extra && within(command.extra, character)) {
    return { kind: 'chain', table, name: command.extra.value, span: spanOf(line, command.extra) };
  }
  const rule = command.rule;
  if (!rule) return undefined;
  const chain = jumpedChain(rule);
  if (chain && within(chain, character)) return { kind: 'chain', table, name: chain.value, span: spanOf(line, chain) };
  const uses: [ExtensionUse, 'match' | 'target'][] = rule.matches.map((m) => [m, 'match']);
  if (rule.target && !rule.target.standard) uses.push([rule.target, 'target']);
  for (const [use, type] of uses) {
    if (use.name && within(use.name, character)) return { kind: 'extension', table, rule, use, type, span: spanOf(line, use.name) };
    for (const option of use.options) {
      if (within(option.token, character)) return { kind: 'option', table, rule, use, option, span: spanOf(line, option.token) };
      const valueIndex = option.values.findIndex((v) => within(v, character));
      if (valueIndex >= 0) return { kind: 'option', table, rule, use, option, valueIndex, span: spanOf(line, option.values[valueIndex]) };
    }
  }
  return undefined;
}

export type OccurrenceKind = 'declaration' | 'command' | 'jump' | 'goto';

export interface Occurrence {
  span: Span;
  kind: OccurrenceKind;
}

/** Every place a table names a chain: `:NAME` lines, `-N`, the chain of each command, jumps and gotos. */
export function chainOccurrences(analysis: Analysis, table: Table, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  const last = table.commitLine ?? analysis.doc.lines.length - 1;
  for (let line = table.header.line + 1; line <= last; line++) {
    const node = analysis.doc.lines[line];
    if (node?.kind === 'chain' && node.name?.value === name) out.push({ span: spanOf(line, node.name), kind: 'declaration' });
  }
  for (const command of table.commands) {
    if (command.chain?.value === name) {
      out.push({ span: spanOf(command.line, command.chain), kind: command.name === 'new-chain' ? 'declaration' : 'command' });
    }
    if (command.name === 'rename-chain' && command.extra?.value === name) out.push({ span: spanOf(command.line, command.extra), kind: 'declaration' });
    const jumped = jumpedChain(command.rule);
    if (jumped?.value === name) out.push({ span: spanOf(command.line, jumped), kind: command.rule?.target?.goto ? 'goto' : 'jump' });
  }
  return out.sort((a, b) => a.span.line - b.span.line || a.span.start - b.span.start);
}
