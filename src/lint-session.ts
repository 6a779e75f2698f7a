/**
 * Linting one document again and again as it is edited: the language server's
 * core. Pure, like lint(): documents in, results out, no I/O.
 *
 * A full lint of a 100,000-rule document takes hundreds of milliseconds even
 * with unchanged lines remembered, because the table-wide passes (model,
 * chain graph, hooks, kernel modules) walk every rule. Most edits cannot change
 * what those passes see: a port number, an address, a comment, a log prefix.
 * For such an edit the session re-reads and re-checks the edited lines only,
 * swaps their findings for the new ones, and keeps every table-wide finding.
 *
 * An edit qualifies when the document keeps its number of lines, the edited
 * lines were and still are rules appended or inserted inside a table, the
 * file-wide facts (family, backend, BOM, CRLF…) are unchanged and none of them
 * is about an edited line (nor is the last line edited), and each edited
 * line has the same table-wide view: the same arguments, except values that no
 * table-wide check reads (addresses, interfaces, option values other than ipset
 * names; in a table with -D or -C, which compare whole rules, every value
 * counts). Anything else runs the full lint. The tests compare both ways on
 * random edits.
 */
import type { ParsedDocument, TextFacts } from '../grammar/document.js';
import type { Arg } from '../grammar/syntax.js';
import { comparesWholeRules } from './checks/chains.js';
import { checkArguments } from './checks/syntax.js';
import { checkRuleOptions } from './checks/extensions.js';
import { byPosition, type Diagnostic } from './diagnostics.js';
import { CollectingReporter, fileContext, lintDocumentUnsuppressed, type FileContext, type LintResult } from './lint.js';
import type { LintOptions } from './lint-options.js';
import { readCommand, readRuleCounters, type RuleLineNode } from './model/build.js';
import { createLintCache, memoKey, replayFindings, type LintCache } from './model/line-memo.js';
import type { Command, Table } from './model/types.js';
import { applySuppressions, type Suppressions } from './suppressions.js';

/** Beyond this many edited lines a full lint is about as cheap and far simpler. */
const MAX_EDITED_LINES = 32;

interface LastRun {
  doc: ParsedDocument;
  optionsKey: unknown;
  context: FileContext;
  result: LintResult;
  /** Findings before suppression comments, sorted by position. */
  unsuppressed: Diagnostic[];
  /** Tables with -D or -C: their rules are compared whole, so every value matters. */
  wholeRuleTables: Set<Table>;
  suppressions: Suppressions;
}

const NO_OPTIONS: LintOptions = Object.freeze({});

export type SessionMode = 'full' | 'lines' | 'unchanged';

export class LintSession {
  private readonly cache: LintCache = createLintCache();
  private last?: LastRun;
  /** How the last call produced its result: a full lint, only the edited lines, or nothing changed. */
  lastMode: SessionMode = 'full';

  /**
   * Lints `doc`. Lines that did not change since the last call must be the same
   * LineNode objects (and no node may stand for two lines); `optionsKey` says
   * whether the options are the same as last time (same key: same options;
   * by default the options object itself). `changed`, when the caller knows it,
   * bounds the lines that may differ from the last call's document: [from, to).
   */
  lint(doc: ParsedDocument, options: LintOptions = NO_OPTIONS, optionsKey: unknown = options, changed?: { from: number; to: number }): LintResult {
    const last = this.last;
    if (last && last.optionsKey === optionsKey) {
      const quick = this.relintEditedLines(last, doc, options, changed);
      if (quick) return quick;
    }
    this.lastMode = 'full';
    const { result, unsuppressed, suppressions, context } = lintDocumentUnsuppressed(doc, { ...options, cache: this.cache });
    const wholeRuleTables = new Set(result.file.tables.filter(comparesWholeRules));
    this.last = { doc, optionsKey, context, result, unsuppressed, wholeRuleTables, suppressions };
    return result;
  }

  private relintEditedLines(last: LastRun, doc: ParsedDocument, options: LintOptions, changed?: { from: number; to: number }): LintResult | undefined {
    const before = last.doc;
    if (doc.lines.length !== before.lines.length || !sameFacts(doc.facts, before.facts)) return undefined;
    const edited: number[] = [];
    const from = changed ? Math.max(0, changed.from) : 0;
    const to = changed ? Math.min(doc.lines.length, changed.to) : doc.lines.length;
    for (let i = from; i < to; i++) {
      if (doc.lines[i] !== before.lines[i]) {
        if (edited.length === MAX_EDITED_LINES) return undefined;
        edited.push(i);
      }
    }
    if (edited.length === 0) {
      this.lastMode = 'unchanged';
      const result = { ...last.result, lines: doc.texts };
      this.last = { ...last, doc, result };
      return result;
    }
    // Findings about the text itself sit on such lines and quote their length or columns: a line over the
    // buffer, the first NUL, the first CR LF, the last line (end of file inside a table).
    const facts = doc.facts;
    for (const line of edited) {
      if (line === doc.lines.length - 1 || line === facts.firstNulLine || line === facts.firstCrlfLine || facts.longLines.includes(line)) return undefined;
    }
    const context = fileContext(doc, options);
    if (!sameContext(context, last.context)) return undefined;

    const cache = this.cache;
    cache.run++;
    const file = last.result.file;
    const ctxFor = (reporter: CollectingReporter) => ({ file, doc, options: { ...options, cache }, backend: context.backend, reporter });
    const replacements: { line: number; table: Table; index: number; command: Command; owned: Diagnostic[]; kept: Diagnostic[] }[] = [];
    let unsuppressed = last.unsuppressed;
    for (const line of edited) {
      const oldNode = before.lines[line];
      const newNode = doc.lines[line];
      if (oldNode.kind !== 'rule' || newNode.kind !== 'rule' || oldNode.unclosedCounters || newNode.unclosedCounters) return undefined;
      // A node the cache already knows stands for another line too: its remembered command is that line's.
      if (cache.commands.has(newNode)) return undefined;
      const found = commandAt(file.tables, line);
      if (!found || !isRuleCommand(found.command)) return undefined;
      const { table, index, command: oldCommand } = found;

      // What the old line reported on its own, replayed from the cache rather than re-read.
      const oldOwned = new CollectingReporter(options.severities);
      if (!replayFindings(cache, 'commands', oldNode, memoKey(context.family, context.backend), line, oldOwned)) return undefined;
      readRuleCounters(oldNode, line, before.texts[line], oldOwned);
      checkArguments(oldOwned, oldNode, line, before.texts[line]);
      if (!oldCommand.rule || !replayFindings(cache, 'rules', oldCommand.rule, memoKey(context.family, context.backend), line, oldOwned)) return undefined;

      // The same three stages on the new line, remembered for the next full lint.
      const owned = new CollectingReporter(options.severities);
      const command = readCommand(newNode, line, doc.texts[line], context.family, context.backend, cache, owned);
      if (!isRuleCommand(command) || command.chain?.value !== oldCommand.chain?.value) return undefined;
      checkArguments(owned, newNode, line, doc.texts[line]);
      if (command.rule) checkRuleOptions(ctxFor(owned), command.rule);

      const whole = last.wholeRuleTables.has(table);
      if (tableWideView(oldNode, oldCommand, whole) !== tableWideView(newNode, command, whole)) return undefined;

      // The line's other findings came from table-wide passes: the same, at the new columns of their tokens.
      const [from, to] = lineRange(unsuppressed, line);
      const kept = withoutFindings(unsuppressed.slice(from, to), oldOwned.diagnostics);
      const moved = kept && moveToNewColumns(kept, line, oldNode, newNode);
      if (!moved) return undefined;
      replacements.push({ line, table, index, command, owned: owned.diagnostics, kept: moved });
    }

    // Every edited line qualified: splice the findings and the model.
    unsuppressed = unsuppressed.slice();
    for (let r = replacements.length - 1; r >= 0; r--) {
      const { line, owned, kept } = replacements[r];
      const [from, to] = lineRange(unsuppressed, line);
      const lineFindings = owned.concat(kept).sort(byPosition);
      unsuppressed.splice(from, to - from, ...lineFindings);
    }
    for (const { table, index, command } of replacements) {
      const old = table.commands[index];
      table.commands[index] = command;
      const rules = old.chain ? table.chains.get(old.chain.value)?.rules : undefined;
      const at = rules && old.rule ? rules.indexOf(old.rule) : -1;
      if (rules && at >= 0 && command.rule) rules[at] = command.rule;
    }
    // The edited lines were and are rules, so the suppression comments are the same.
    const diagnostics = applySuppressions(last.suppressions, unsuppressed, options);
    const result: LintResult = { diagnostics, file, backend: last.result.backend, lines: doc.texts };
    this.last = { ...last, doc, result, unsuppressed, context };
    this.lastMode = 'lines';
    return result;
  }
}

function isRuleCommand(command: Command): boolean {
  return (command.name === 'append' || command.name === 'insert') && command.rule !== undefined && command.chain !== undefined;
}

function sameFacts(a: TextFacts, b: TextFacts): boolean {
  return a.bom === b.bom && a.firstCrlfLine === b.firstCrlfLine && a.crlfLines === b.crlfLines && a.firstNulLine === b.firstNulLine
    && a.missingFinalNewline === b.missingFinalNewline && a.longLines.length === b.longLines.length && a.longLines.every((l, i) => l === b.longLines[i]);
}

function sameContext(a: FileContext, b: FileContext): boolean {
  return a.family === b.family && a.familySource === b.familySource && a.backend === b.backend
    && a.generatedBy?.program === b.generatedBy?.program && a.generatedBy?.version === b.generatedBy?.version
    && a.generatedBy?.backend === b.generatedBy?.backend && a.generatedBy?.line === b.generatedBy?.line;
}

/** The table and command of a line, by binary search: commands are in line order. */
function commandAt(tables: Table[], line: number): { table: Table; index: number; command: Command } | undefined {
  for (const table of tables) {
    if (line <= table.header.line || (table.commitLine !== undefined && line >= table.commitLine)) continue;
    const commands = table.commands;
    let lo = 0;
    let hi = commands.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = commands[mid].line;
      if (at === line) return { table, index: mid, command: commands[mid] };
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return undefined;
}

/**
 * The arguments of a rule line as the table-wide checks see them: values they
 * never read are blanked, so editing one leaves the view unchanged.
 */
function tableWideView(node: RuleLineNode, command: Command, wholeRule: boolean): string {
  const blank = new Set<Arg>();
  const rule = command.rule;
  if (!wholeRule && rule) {
    for (const part of [rule.source, rule.destination, rule.inInterface, rule.outInterface]) if (part?.value) blank.add(part.value);
    for (const use of rule.target ? [...rule.matches, rule.target] : rule.matches) {
      // ipset names are looked up in the sets file.
      if (use.extensionName === 'set' || use.extensionName === 'SET') continue;
      for (const option of use.options) for (const value of option.values) blank.add(value);
    }
  }
  let view = '';
  for (const arg of node.args) view += (blank.has(arg) ? '\u0001' : arg.value) + '\u0000';
  return view;
}

/** [from, to) of the findings on `line` in a list sorted by position. */
function lineRange(list: Diagnostic[], line: number): [number, number] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < list.length && list[to].line === line) to++;
  return [lo, to];
}

function findingKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.line}\u0000${d.start}\u0000${d.end}\u0000${d.severity}\u0000${d.message}`;
}

/** `list` without one occurrence of each of `remove`; undefined when one is missing (the cache disagrees: lint fully). */
function withoutFindings(list: Diagnostic[], remove: Diagnostic[]): Diagnostic[] | undefined {
  if (remove.length === 0) return list;
  const counts = new Map<string, number>();
  for (const d of remove) {
    const key = findingKey(d);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept: Diagnostic[] = [];
  for (const d of list) {
    const key = findingKey(d);
    const n = counts.get(key);
    if (n) counts.set(key, n - 1);
    else kept.push(d);
  }
  for (const n of counts.values()) if (n > 0) return undefined;
  return kept;
}

/**
 * Table-wide findings of an edited line, at the columns their tokens have now.
 * A finding that does not sit exactly on arguments, or whose fixes edit the
 * line, is not moved: undefined (lint fully).
 */
function moveToNewColumns(findings: Diagnostic[], line: number, oldNode: RuleLineNode, newNode: RuleLineNode): Diagnostic[] | undefined {
  if (findings.length === 0 || sameColumns(oldNode, newNode)) return findings;
  const moved: Diagnostic[] = [];
  for (const d of findings) {
    if (d.endLine !== undefined && d.endLine !== line) return undefined;
    if (d.fixes?.some((f) => f.edits.some((e) => e.line === line))) return undefined;
    const first = oldNode.args.findIndex((a) => a.start === d.start);
    const last = oldNode.args.findIndex((a) => a.end === d.end);
    if (first < 0 || last < first) return undefined;
    moved.push({ ...d, start: newNode.args[first].start, end: newNode.args[last].end });
  }
  return moved;
}

function sameColumns(a: RuleLineNode, b: RuleLineNode): boolean {
  if (a.args.length !== b.args.length) return false;
  for (let i = 0; i < a.args.length; i++) if (a.args[i].start !== b.args[i].start || a.args[i].end !== b.args[i].end) return false;
  return true;
}

