/**
 * The editor's path: re-linting a document whose unchanged lines keep their
 * parsed nodes (shared between identical lines, as the server's line cache
 * does) must give exactly what a fresh lint gives, edit after edit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../grammar/document.js';
import { parseDocument, splitLines } from '../../grammar/document.js';
import { parseLine } from '../../grammar/parser.js';
import type { LineNode } from '../../grammar/syntax.js';
import { lint, lintDocument } from '../../src/lint.js';
import { createLintCache } from '../../src/model/line-memo.js';

const BASE = `*filter
:INPUT ACCEPT [0:0]
:A - [0:0]
-A INPUT -p tcp --dport 22 -j A
-A INPUT -p tcp --dport 22 -j A
-A A -m recent --set --update -j DROP
-A A -p udp --dport 70000 -j ACCEPT
-A A -m comment --comment "x" -j ACCEPT
-A A -m comment --comment "x" -j ACCEPT
COMMIT
*nat
-A PREROUTING -j MASQUERADE
COMMIT
`;

/** Parses like the language server: one node per distinct line text. */
function sharedParse(text: string, nodes: Map<string, LineNode>): ParsedDocument {
  const { texts, facts } = splitLines(text);
  const lines = texts.map((t) => {
    let node = nodes.get(t);
    if (!node) nodes.set(t, (node = parseLine(t)));
    return node;
  });
  return { lines, texts, facts };
}

describe('re-linting with a cache equals a fresh lint', () => {
  it('for duplicated lines sharing one parsed node', () => {
    const cache = createLintCache();
    const nodes = new Map<string, LineNode>();
    const first = lintDocument(sharedParse(BASE, nodes), { cache });
    expect(first.diagnostics).toEqual(lint(BASE).diagnostics);
    const again = lintDocument(sharedParse(BASE, nodes), { cache });
    expect(again.diagnostics).toEqual(lint(BASE).diagnostics);
    const lines = again.file.tables[0].commands.map((c) => c.line);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('through random sequences of line edits, insertions and deletions', () => {
    const pool = BASE.split('\n').filter(Boolean).concat(['-A A -j B', ':B - [0:0]', '-A B -j A', '-A INPUT -i lo -j ACCEPT', '# comment', '']);
    const edit = fc.record({ op: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(40), text: fc.constantFrom(...pool) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const cache = createLintCache();
        const nodes = new Map<string, LineNode>();
        let lines = BASE.split('\n');
        lintDocument(sharedParse(lines.join('\n'), nodes), { cache });
        for (const e of edits) {
          const at = Math.min(e.at, lines.length);
          if (e.op === 'insert') lines.splice(at, 0, e.text);
          else if (e.op === 'delete') lines.splice(at, 1);
          else lines[at] = e.text;
          const text = lines.join('\n');
          const cached = lintDocument(sharedParse(text, nodes), { cache });
          expect(cached.diagnostics).toEqual(lintDocument(parseDocument(text)).diagnostics);
        }
      }),
      { numRuns: 150 },
    );
  });
});
