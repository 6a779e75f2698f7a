/**
 * EditableDocument applies LSP changes line by line. After any sequence of
 * changes it must hold exactly what parsing the whole text gives, where the
 * text is what vscode-languageserver-textdocument (the server's own document
 * store) makes of the same changes; and lines the changes did not touch keep
 * their node objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../../grammar/document.js';
import { EditableDocument, type TextChange } from '../../grammar/editable-document.js';

const PIECES = ['a', ' ', '-A X -j Y', '"q', '#', '\n', '\n', '\r\n', '\0', 'COMMIT', '*filter', ':X - [0:0]', 'é', '\r'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
// Raw numbers, made into valid positions of the document at hand (clients send no others).
const position = fc.record({ line: fc.nat(), character: fc.nat() });
const change: fc.Arbitrary<TextChange> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

function validPosition(doc: TextDocument, p: { line: number; character: number }) {
  const line = p.line % doc.lineCount;
  const length = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
  return { line, character: p.character % (length + 1) };
}

function expectSame(editable: EditableDocument, reference: TextDocument) {
  const parsed = parseDocument(reference.getText());
  const doc = editable.document;
  expect(doc.texts).toEqual(parsed.texts);
  expect(doc.facts).toEqual(parsed.facts);
  expect(doc.lines).toEqual(parsed.lines);
}

describe('EditableDocument', () => {
  it('equals a full parse of the text vscode-languageserver-textdocument holds, change after change', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '\uFEFF', '*filter\r\n'), text, fc.array(change, { maxLength: 8 }), (prefix, initial, changes) => {
        let reference = TextDocument.create('file:///r.v4', 'iptables', 0, prefix + initial);
        const editable = new EditableDocument(prefix + initial);
        expectSame(editable, reference);
        let version = 0;
        for (const raw of changes) {
          const c = raw.range ? { ...raw, range: { start: validPosition(reference, raw.range.start), end: validPosition(reference, raw.range.end) } } : raw;
          reference = TextDocument.update(reference, [c], ++version);
          // Positions are ambiguous after a lone CR: the caller then sends the whole text.
          if (!editable.apply([c])) editable.setText(reference.getText());
          expectSame(editable, reference);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('equals a full parse after whole-text replacements', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('', '\uFEFF'), text, text), { minLength: 1, maxLength: 5 }), (texts) => {
        const editable = new EditableDocument();
        for (const [bom, a, b] of texts) {
          editable.setText(bom + a + b);
          const after = editable.document;
          expect(after).toEqual(parseDocument(bom + a + b));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the nodes of untouched lines and parses only the edited one', () => {
    const editable = new EditableDocument('*filter\n-A INPUT -p tcp --dport 22 -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n');
    const before = editable.document;
    expect(editable.apply([{ range: { start: { line: 1, character: 24 }, end: { line: 1, character: 26 } }, text: '2222' }])).toBe(true);
    const after = editable.document;
    expect(after.texts[1]).toBe('-A INPUT -p tcp --dport 2222 -j ACCEPT');
    expect(editable.parsedLines).toBe(1);
    expect(after.lines[0]).toBe(before.lines[0]);
    expect(after.lines[1]).not.toBe(before.lines[1]);
    expect(after.lines[2]).toBe(before.lines[2]);
    expect(after.lines[3]).toBe(before.lines[3]);
  });

  it('declines ranges once the text has a CR that LSP counts as a line break', () => {
    const editable = new EditableDocument('*filter\n-A INPUT\r-j DROP\nCOMMIT\n');
    expect(editable.apply([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }])).toBe(false);
  });

  it('takes a pasted ruleset of many lines in one change', () => {
    const rules = Array.from({ length: 50_000 }, (_, i) => `-A INPUT -p tcp --dport ${i % 65535} -j ACCEPT`).join('\n');
    const editable = new EditableDocument('*filter\nCOMMIT\n');
    expect(editable.apply([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `${rules}\n` }])).toBe(true);
    expect(editable.lineCount).toBe(50_002);
    expect(editable.document.texts[50_001]).toBe('COMMIT');
  });
});
