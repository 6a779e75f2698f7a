/**
 * Syntax and structure: the codes the grammar, the model builder and the rule
 * reader emit while reading the file. Their logic lives where the reading
 * happens (grammar/, src/model/); their documentation lives here, and
 * checkText() covers the whole-text facts (BOM, CRLF, long lines, NUL bytes,
 * unterminated quotes, over-long arguments).
 */
import { utf8Length } from '../catalog/values.js';
import type { LineNode } from '../../grammar/syntax.js';
import type { Reporter } from '../diagnostics.js';
import type { CheckContext, CheckInfo, ModelCheck } from './types.js';

/** add_param() in iptables-restore fails at 1,024 bytes including the NUL. */
export const MAX_ARGUMENT_BYTES = 1023;

const info: CheckInfo[] = [
  {
    code: 'IPT101', name: 'line-outside-table', category: 'syntax', severity: 'error',
    summary: 'A rule, chain or COMMIT line appears outside any `*table` … COMMIT block.',
    description: 'iptables-restore only accepts chain lines, rule lines and COMMIT between a `*table` header and its COMMIT. Anywhere else the line fails and the whole restore is aborted.',
    bad: '-A INPUT -j ACCEPT\n*filter\nCOMMIT', good: '*filter\n-A INPUT -j ACCEPT\nCOMMIT',
    fix: 'Move the line into the table it belongs to, or open that table with `*filter` (or nat, mangle, raw, security) before it.',
  },
  {
    code: 'IPT102', name: 'unknown-table', category: 'syntax', severity: 'error',
    summary: 'The `*table` header names a table iptables does not have.',
    description: 'iptables has the tables filter, nat, mangle, raw and security. Any other name (or a misspelling, or a different case) makes iptables-restore fail on the header line.',
    bad: '*filtre\nCOMMIT', good: '*filter\nCOMMIT',
    fix: 'Use one of filter, nat, mangle, raw, security.',
  },
  {
    code: 'IPT103', name: 'duplicate-table', category: 'syntax', severity: 'warning',
    summary: 'The same table appears twice; the second block flushes the first.',
    description: 'Each `*table` header makes iptables-restore flush that table (unless --noflush). A second block for the same table therefore throws away every rule of the first block: almost always a mistake from concatenating files.',
    bad: '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*filter\n-A INPUT -j DROP\nCOMMIT', good: '*filter\n-A INPUT -j ACCEPT\n-A INPUT -j DROP\nCOMMIT',
    fix: 'Merge the two blocks into one.',
  },
  {
    code: 'IPT104', name: 'missing-commit', category: 'syntax', severity: 'error',
    summary: 'A table is not closed with COMMIT.',
    description: 'iptables-restore applies a table at its COMMIT. A table left open at the end of the file fails with "COMMIT expected"; a `*table` header inside an open table is read as a rule and fails.',
    bad: '*filter\n-A INPUT -j ACCEPT\n*nat\nCOMMIT', good: '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\nCOMMIT',
    fix: 'Add a COMMIT line at the end of each table.',
  },
  {
    code: 'IPT106', name: 'duplicate-chain', category: 'syntax', severity: 'error',
    // A repeated `:CHAIN` line is an error only for iptables-legacy (a warning when the backend is nft or unknown); -N of an existing chain always is.
    summary: 'A chain is declared twice in one table.',
    description: 'iptables-legacy-restore fails with "File exists" when a `:CHAIN` line repeats; iptables-nft ignores the repeat. `-N` of an existing chain fails on both.',
    bad: '*filter\n:LOGDROP - [0:0]\n:LOGDROP - [0:0]\nCOMMIT', good: '*filter\n:LOGDROP - [0:0]\nCOMMIT',
    fix: 'Delete the repeated declaration.',
  },
  {
    code: 'IPT107', name: 'builtin-chain-not-in-table', category: 'syntax', severity: 'error',
    summary: 'A built-in chain is declared in a table that does not have it.',
    description: 'Each table has its own built-in chains (filter: INPUT, FORWARD, OUTPUT; nat: PREROUTING, INPUT, OUTPUT, POSTROUTING; …). Declaring PREROUTING in filter fails on iptables-legacy; iptables-nft silently creates a user chain of that name that no packet ever reaches.',
    bad: '*filter\n:PREROUTING ACCEPT [0:0]\nCOMMIT', good: '*mangle\n:PREROUTING ACCEPT [0:0]\nCOMMIT',
    fix: 'Move the chain and its rules to a table that has it (raw, mangle or nat for PREROUTING).',
  },
  {
    code: 'IPT108', name: 'invalid-policy', category: 'syntax', severity: 'error',
    summary: 'A built-in chain has a policy other than ACCEPT or DROP, or a chain line has none.',
    description: 'Only ACCEPT and DROP are policies of built-in chains. Anything else (REJECT, a chain name, a typo) makes iptables-restore fail on the chain line.',
    bad: '*filter\n:INPUT REJECT [0:0]\nCOMMIT', good: '*filter\n:INPUT DROP [0:0]\n-A INPUT -j REJECT\nCOMMIT',
    fix: 'Use ACCEPT or DROP, and add a final rule for anything else (e.g. `-A INPUT -j REJECT`).',
  },
  {
    code: 'IPT109', name: 'policy-on-user-chain', category: 'syntax', severity: 'warning',
    summary: 'A user-defined chain is given a policy instead of `-`.',
    description: 'User chains have no policy: packets that fall off their end return to the caller. iptables-legacy-restore fails on `:MYCHAIN DROP`; iptables-nft ignores the policy silently, so the author\'s intent (drop) is not what happens.',
    bad: '*filter\n:MYCHAIN DROP [0:0]\nCOMMIT', good: '*filter\n:MYCHAIN - [0:0]\n-A MYCHAIN -j DROP\nCOMMIT',
    fix: 'Write `-` as the policy and end the chain with an explicit rule if it should drop.',
  },
  {
    code: 'IPT110', name: 'malformed-counters', category: 'syntax', severity: 'error',
    summary: '`[packets:bytes]` counters are malformed.',
    description: 'Counters before a rule must be `[N:M]`. A missing `]` or `:` makes iptables-restore fail; non-numeric values are rejected when counters are restored (`iptables-restore -c`).',
    bad: '*filter\n[0:0 -A INPUT -j ACCEPT\nCOMMIT', good: '*filter\n[0:0] -A INPUT -j ACCEPT\nCOMMIT',
    fix: 'Write the counters as `[PACKETS:BYTES]` with decimal numbers, or drop them.',
  },
  {
    code: 'IPT111', name: 'unterminated-quote', category: 'syntax', severity: 'warning',
    summary: 'A double quote is opened and never closed.',
    description: 'iptables-restore accepts an unclosed quote and swallows the rest of the line (and the newline) into one argument, so the following options silently become part of, say, a comment.',
    bad: '*filter\n-A INPUT -m comment --comment "ssh -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -m comment --comment "ssh" -j ACCEPT\nCOMMIT',
    fix: 'Close the quote where the value ends.',
  },
  {
    code: 'IPT112', name: 'stray-argument', category: 'syntax', severity: 'error',
    summary: 'A word that is neither an option nor an option\'s value.',
    description: 'iptables fails with "Bad argument" on any word it cannot attach to an option: an extra value, a misplaced `#` comment after a rule, a word split by a missing quote.',
    bad: '*filter\n-A INPUT -p tcp --dport 22 -j ACCEPT # ssh\nCOMMIT', good: '*filter\n# ssh\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT',
    fix: 'Remove the word, quote a value that contains spaces, or move comments to their own line (or into `-m comment --comment`).',
  },
  {
    code: 'IPT113', name: 'unknown-option', category: 'syntax', severity: 'error',
    summary: 'An option that no loaded match or target defines, or one that has no place in a rules file.',
    description: 'iptables resolves each option against the generic options and the options of the matches and target loaded so far on the line. An option of a match that is not loaded (yet), a misspelling, or an option like -t or -w that iptables-restore forbids, fails the restore.',
    bad: '*filter\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT',
    fix: 'Load the match that defines the option before it (`-p tcp`, `-m multiport`), or correct the spelling.',
  },
  {
    code: 'IPT114', name: 'missing-option-value', category: 'syntax', severity: 'error',
    summary: 'An option that needs a value is at the end of the line.',
    description: 'getopt takes the next word as the option\'s value whatever it is; at the end of the line there is none, and iptables fails with "option requires an argument".',
    bad: '*filter\n-A INPUT -p tcp --dport\nCOMMIT', good: '*filter\n-A INPUT -p tcp --dport 22\nCOMMIT',
    fix: 'Give the value.',
  },
  {
    code: 'IPT115', name: 'ambiguous-option', category: 'syntax', severity: 'error',
    summary: 'An abbreviated option matches more than one option.',
    description: 'getopt accepts unambiguous prefixes (`--dp` for `--dport`), but a prefix shared by two options of the loaded extensions fails.',
    bad: '*filter\n-A INPUT -p tcp --d 22\nCOMMIT', good: '*filter\n-A INPUT -p tcp --dport 22\nCOMMIT',
    fix: 'Write the option out in full; iptables-save prints full names.',
  },
  {
    code: 'IPT116', name: 'crlf-line-endings', category: 'syntax', severity: 'error',
    summary: 'The file has Windows (CR LF) line endings.',
    description: 'iptables-restore keeps the carriage return as part of each line, so `*filter\\r` is an unknown table and the restore fails on line 1.',
    bad: '*filter\\r\\nCOMMIT\\r\\n', good: '*filter\\nCOMMIT\\n',
    fix: 'Convert the file to LF line endings (`dos2unix FILE`, or `sed -i \'s/\\r$//\' FILE`).',
  },
  {
    code: 'IPT117', name: 'byte-order-mark', category: 'syntax', severity: 'error',
    summary: 'The file starts with a UTF-8 byte-order mark.',
    description: 'iptables-restore reads the three BOM bytes as part of the first line, which then is not a comment or a `*table` header, and fails on line 1.',
    bad: '\\uFEFF*filter\nCOMMIT', good: '*filter\nCOMMIT',
    fix: 'Save the file as UTF-8 without BOM (`sed -i \'1s/^\\xEF\\xBB\\xBF//\' FILE`).',
  },
  {
    code: 'IPT118', name: 'line-too-long', category: 'syntax', severity: 'error',
    summary: 'A line is longer than iptables-restore\'s 10,240-byte line buffer.',
    description: 'iptables-restore reads lines with a fixed 10,240-byte buffer; a longer line is cut and its rest read as a new line, which fails.',
    bad: '-A INPUT -m comment --comment "…10,000 characters…"', good: '-A INPUT -m comment --comment "short"',
    fix: 'Shorten the line: split long address or port lists over several rules or use an ipset.',
  },
  {
    code: 'IPT119', name: 'argument-too-long', category: 'syntax', severity: 'error',
    summary: 'One argument is longer than 1,023 bytes.',
    description: 'iptables-restore builds each argument in a 1,024-byte buffer and fails with "Parameter too long!" beyond it.',
    bad: '-A INPUT -s 10.0.0.1,10.0.0.2,…(1,100 characters) -j DROP', good: '-A INPUT -m set --match-set blocked src -j DROP',
    fix: 'Split the list over several rules, or use an ipset.',
  },
  {
    code: 'IPT120', name: 'nul-byte', category: 'syntax', severity: 'error',
    summary: 'The line contains a NUL byte.',
    description: 'iptables-restore handles lines as C strings: everything after a NUL byte is silently dropped, so the rule that loads is not the rule that was written.',
    bad: '-A INPUT -j ACCEPT<NUL>garbage', good: '-A INPUT -j ACCEPT',
    fix: 'Remove the NUL byte; the file was probably corrupted or written by a binary tool.',
  },
  {
    code: 'IPT121', name: 'missing-command', category: 'syntax', severity: 'error',
    summary: 'A rule line has no command (-A, -I, …).',
    description: 'Every rule line inside a table must carry one command: -A/-I/-D/-R/-C with a chain, or -N/-X/-F/-Z/-P/-E. Without one iptables fails with "no command specified".',
    bad: '*filter\nINPUT -p tcp -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -p tcp -j ACCEPT\nCOMMIT',
    fix: 'Start the line with `-A CHAIN`.',
  },
  {
    code: 'IPT122', name: 'multiple-commands', category: 'syntax', severity: 'error',
    summary: 'A line carries two commands.',
    description: 'iptables allows one command per invocation; `-A INPUT … -A OUTPUT` fails with "Can\'t use -A with -A".',
    bad: '*filter\n-A INPUT -A OUTPUT -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -j ACCEPT\n-A OUTPUT -j ACCEPT\nCOMMIT',
    fix: 'Split the line into one line per command.',
  },
  {
    code: 'IPT123', name: 'invalid-chain-name', category: 'syntax', severity: 'error',
    summary: 'A chain name iptables refuses, or a bad rule number.',
    description: 'Chain names may have at most 28 characters, may not start with `-` or `!`, and may not be the name of a target (ACCEPT, LOG, …). Rule numbers for -I/-R/-D start at 1.',
    bad: '*filter\n:LOG - [0:0]\nCOMMIT', good: '*filter\n:LOGGING - [0:0]\nCOMMIT',
    fix: 'Rename the chain (and every jump to it).',
  },
  {
    code: 'IPT124', name: 'commit-not-alone', category: 'syntax', severity: 'error',
    summary: 'COMMIT followed by other text on its line.',
    description: 'iptables-restore recognises only the exact line `COMMIT`. `COMMIT ` with a trailing space or a comment is read as a rule and fails, and the table is never applied.',
    bad: '*filter\nCOMMIT # done', good: '*filter\n# done\nCOMMIT',
    fix: 'Leave COMMIT alone on its line, with nothing after it.',
  },
  {
    code: 'IPT125', name: 'missing-final-newline', category: 'syntax', severity: 'warning',
    summary: 'The file ends with COMMIT but no newline.',
    description: 'iptables-legacy-restore compares the line with "COMMIT\\n"; without the final newline it reads COMMIT as a rule and fails ("Bad argument `COMMIT\'"). iptables-nft accepts it.',
    bad: '*filter\nCOMMIT<no newline>', good: '*filter\nCOMMIT\n',
    fix: 'End the file with a newline.',
  },
  {
    code: 'IPT126', name: 'duplicate-generic-option', category: 'syntax', severity: 'error',
    summary: '-p, -s, -d, -i, -o, -f, -j or -g given twice in one rule.',
    description: 'iptables fails with "multiple -p flags not allowed" (and the like) when a generic option repeats, and a rule has one target.',
    bad: '*filter\n-A INPUT -p tcp -p udp -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -p tcp -j ACCEPT\n-A INPUT -p udp -j ACCEPT\nCOMMIT',
    fix: 'Split the rule, or use a match that takes a list (`-m multiport`, `-m set`).',
  },
  {
    code: 'IPT127', name: 'misplaced-negation', category: 'syntax', severity: 'error',
    summary: '`!` where iptables does not allow it.',
    description: '`!` negates the option right after it, and only options that support negation (-p, -s, -d, -i, -o, -f and the invertible options of extensions). Before -m, -j or a command, doubled, or at the end of the line it fails.',
    bad: '*filter\n-A INPUT ! -m conntrack --ctstate NEW -j DROP\nCOMMIT', good: '*filter\n-A INPUT -m conntrack ! --ctstate NEW -j DROP\nCOMMIT',
    fix: 'Put `!` directly before the option it should negate.',
  },
];

function checkText(ctx: CheckContext): void {
  const { doc, reporter } = ctx;
  const facts = doc.facts;
  if (facts.bom) {
    reporter.report('IPT117', { line: 0, start: 0, end: Math.min(1, doc.texts.at(0)?.length ?? 0) }, 'the file starts with a UTF-8 byte-order mark: iptables-restore fails on line 1; save without BOM', {
      fixes: [{ title: 'Remove the byte-order mark', edits: [] }],
    });
  }
  if (facts.firstCrlfLine >= 0) {
    const line = facts.firstCrlfLine;
    const end = doc.texts.at(line)?.length ?? 0;
    reporter.report('IPT116', { line, start: end, end }, `${facts.crlfLines} line${facts.crlfLines === 1 ? '' : 's'} end in CR LF: iptables-restore keeps the \\r and fails; convert to LF (dos2unix)`);
  }
  for (const line of facts.longLines) {
    const length = doc.texts.at(line)?.length ?? 0;
    reporter.report('IPT118', { line, start: 0, end: length }, `line is ${length} characters long; iptables-restore reads at most 10,239 bytes per line and fails on the rest`);
  }
  if (facts.firstNulLine >= 0) {
    const line = facts.firstNulLine;
    const col = (doc.texts.at(line) ?? '').indexOf('\0');
    reporter.report('IPT120', { line, start: col, end: col + 1 }, 'NUL byte: iptables-restore ignores everything after it on this line');
  }
}

/** Unterminated quotes and over-long arguments of one rule line. */
export function checkArguments(reporter: Reporter, node: LineNode, line: number, text: string): void {
  // Only a line with a quote can hold an unterminated one, only a long line a long argument.
  if (node.kind !== 'rule' || (text.length <= MAX_ARGUMENT_BYTES / 4 && text.indexOf('"') < 0)) return;
  const args = node.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.unterminated) {
      reporter.report('IPT111', { line, start: arg.start, end: arg.end }, 'unterminated quote: iptables-restore takes the rest of the line as this one argument', {
        fixes: [{ title: 'Close the quote at the end of the line', edits: [{ line, start: arg.end, end: arg.end, newText: '"' }] }],
      });
    }
    if (arg.value.length > MAX_ARGUMENT_BYTES / 4 && utf8Length(arg.value) > MAX_ARGUMENT_BYTES) {
      reporter.report('IPT119', { line, start: arg.start, end: arg.end }, `argument of ${utf8Length(arg.value)} bytes: iptables-restore fails with "Parameter too long!" beyond ${MAX_ARGUMENT_BYTES}`);
    }
  }
}

export const syntaxCheck: ModelCheck = {
  info,
  visit: (ctx) => ({ line: (node, line, text) => checkArguments(ctx.reporter, node, line, text) }),
  run: checkText,
};
