/**
 * Inline suppressions: `# iptlint disable-next-line CODE[,CODE] -- reason`
 * silences findings on the next rule line, `# iptlint disable CODE -- reason`
 * silences them in the whole file. A suppression that silences nothing, names
 * no known check, or cannot be read is itself reported (IPT901-IPT904), so
 * stale silences do not pile up unnoticed. Pure: the CLI and the language
 * server both read them with parseSuppressions and apply them with applySuppressions.
 */
import { isBlankLineAt, isCommentLineAt, type DocumentText } from '../grammar/document.js';
import { ALL_CHECK_INFO } from './checks/registry.js';
import { kernelCheckInfo } from './checks/kernel-modules.js';
import type { CheckInfo } from './checks/types.js';
import { byPosition, compareCodes, type Diagnostic, type Severity } from './diagnostics.js';
import type { LintOptions } from './lint-options.js';

export const suppressionCheckInfo: readonly CheckInfo[] = [
  {
    code: 'IPT901',
    name: 'unused-suppression',
    category: 'meta',
    severity: 'warning',
    summary: 'A suppression comment silences nothing',
    description:
      'An `# iptlint disable` or `# iptlint disable-next-line` comment names a check that reports nothing where the comment applies. ' +
      'Usually the rule was fixed or moved and the comment stayed behind; a stale suppression later hides a real problem that appears on that line. ' +
      'Kernel checks (IPT4xx, IPT5xx) are not reported as unused when the run has no kernel inputs, and no check is when it is turned off in the configuration.',
    bad: '*filter\n# iptlint disable-next-line IPT113 -- old option\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n',
    good: '*filter\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n',
    fix: 'Delete the suppression, or the code in it that no longer applies.',
  },
  {
    code: 'IPT902',
    name: 'unknown-suppressed-code',
    category: 'meta',
    severity: 'warning',
    summary: 'A suppression names a check that does not exist',
    description:
      'The code or name in a suppression comment is not one of iptlint\'s checks (see `iptlint rules`). A typo in a suppression silences nothing, ' +
      'so the finding it was meant to silence is still reported, and the comment misleads readers.',
    bad: '*filter\n# iptlint disable-next-line IPT9999 -- typo\n-A INPUT -j ACCEPT\nCOMMIT\n',
    good: '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n',
    fix: 'Correct the code (codes look like IPT113; check names like unknown-option also work) or delete it.',
  },
  {
    code: 'IPT903',
    name: 'malformed-suppression',
    category: 'meta',
    severity: 'warning',
    summary: 'A comment starting with `# iptlint` is not a suppression iptlint understands',
    description:
      'A comment that begins with `# iptlint` followed by a word like disable, enable, ignore or suppress is read as a directive. Only `disable-next-line` and `disable` followed by one or more codes are understood; ' +
      'anything else (a misspelt keyword such as `disable-line` or `ignore`, or no codes) silences nothing. Other comments starting with `# iptlint` are left alone.',
    bad: '*filter\n# iptlint ignore IPT113\n-A INPUT -j ACCEPT\nCOMMIT\n',
    good: '*filter\n# iptlint disable-next-line IPT113 -- reason\n-A INPUT -j ACCEPT\nCOMMIT\n',
    fix: 'Write `# iptlint disable-next-line CODE[,CODE] -- reason` or `# iptlint disable CODE -- reason`.',
  },
  {
    code: 'IPT904',
    name: 'suppression-without-reason',
    category: 'meta',
    severity: 'info',
    summary: 'A suppression gives no reason',
    description:
      'A suppression without `-- reason` leaves the next reader guessing whether the finding was judged harmless or just silenced. ' +
      'The reason is what lets a reviewer decide if the suppression can go.',
    bad: '*filter\n# iptlint disable-next-line IPT125\n-A INPUT -j ACCEPT\nCOMMIT',
    good: '*filter\n# iptlint disable-next-line IPT125 -- file is concatenated by our deploy script\n-A INPUT -j ACCEPT\nCOMMIT',
    fix: 'Add ` -- ` and a short reason after the codes.',
  },
];

/** Every documented check, whether or not the core registry lists it yet (deduplicated by code, sorted). */
export function documentedChecks(): readonly CheckInfo[] {
  const byCode = new Map<string, CheckInfo>();
  for (const info of [...ALL_CHECK_INFO, ...kernelCheckInfo, ...suppressionCheckInfo]) if (!byCode.has(info.code)) byCode.set(info.code, info);
  return [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
}

let index: Map<string, CheckInfo> | undefined;
/** Looks a check up by code (`IPT113`, any case) or by name (`unknown-option`). */
export function findCheck(codeOrName: string): CheckInfo | undefined {
  if (!index) {
    index = new Map();
    for (const info of documentedChecks()) {
      index.set(info.code.toUpperCase(), info);
      index.set(info.name.toLowerCase(), info);
    }
  }
  return index.get(codeOrName.toUpperCase()) ?? index.get(codeOrName.toLowerCase());
}

export interface SuppressedCode {
  /** As written. */
  text: string;
  /** The check's code, when known. */
  code?: string;
  start: number;
  end: number;
  used: boolean;
}

export interface Suppression {
  kind: 'disable-next-line' | 'disable';
  /** 0-based line of the comment. */
  line: number;
  /** 0-based line it applies to (disable-next-line), -1 when there is no rule line after it. */
  target: number;
  codes: SuppressedCode[];
  reason?: string;
}

export interface SuppressionProblem {
  line: number;
  start: number;
  end: number;
  message: string;
}

const DIRECTIVE = /^#\s*iptlint(?=\s|$)(.*)$/;
/** Words that show a comment meant to be a directive; other prose after `# iptlint` is left alone. */
const DIRECTIVE_ATTEMPT = /^(disable|enable|ignore|noqa|nolint|skip|suppress|off)/i;

/** The suppression comments of a document and the ones that could not be read. */
export interface Suppressions {
  suppressions: Suppression[];
  malformed: SuppressionProblem[];
}

/** Reads the suppression comments of a document (comment lines whose text starts with `# iptlint`). */
export function parseSuppressions(doc: DocumentText): Suppressions {
  const suppressions: Suppression[] = [];
  const malformed: SuppressionProblem[] = [];
  const texts = doc.texts;
  for (let i = 0; i < texts.length; i++) {
    if (!isCommentLineAt(texts, i)) continue;
    const text = texts.at(i) as string;
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const restStart = text.length - m[1].length;
    // The reason follows the first ` -- `; everything before it is keyword and codes.
    const sep = text.indexOf('--', restStart);
    const head = sep >= 0 ? text.slice(restStart, sep) : text.slice(restStart);
    const reason = sep >= 0 ? text.slice(sep + 2).trim() : undefined;
    const kw = /^\s*(\S+)/.exec(head);
    const keyword = kw?.[1];
    if (keyword !== 'disable-next-line' && keyword !== 'disable') {
      if (!keyword || !DIRECTIVE_ATTEMPT.test(keyword)) continue;
      const at = restStart + head.indexOf(keyword);
      malformed.push({
        line: i,
        start: at,
        end: at + keyword.length,
        message: `'${keyword}' is not an iptlint directive (use 'disable-next-line' or 'disable')`,
      });
      continue;
    }
    const codesFrom = restStart + head.indexOf(keyword) + keyword.length;
    const codes: SuppressedCode[] = [];
    const re = /[^\s,]+/g;
    const codeText = text.slice(codesFrom, sep >= 0 ? sep : text.length);
    for (let c = re.exec(codeText); c; c = re.exec(codeText)) {
      const start = codesFrom + c.index;
      codes.push({ text: c[0], code: findCheck(c[0])?.code, start, end: start + c[0].length, used: false });
    }
    if (codes.length === 0) {
      malformed.push({ line: i, start: 0, end: text.length, message: `'${keyword}' names no check: write the codes to silence, e.g. '# iptlint ${keyword} IPT113 -- reason'` });
      continue;
    }
    let target = -1;
    if (keyword === 'disable-next-line') {
      // Skip other comments and blank lines so several directives can stack above one rule.
      for (let j = i + 1; j < texts.length; j++) {
        if (isCommentLineAt(texts, j) || isBlankLineAt(texts, j)) continue;
        target = j;
        break;
      }
    }
    suppressions.push({ kind: keyword, line: i, target, codes, reason: reason || undefined });
  }
  return { suppressions, malformed };
}

function severityOf(code: string, options: LintOptions): Severity | 'off' {
  return options.severities?.[code] ?? findCheck(code)?.severity ?? 'warning';
}

/**
 * Removes the diagnostics that the document's suppressions (parseSuppressions)
 * silence and adds the findings about the suppressions themselves. Returns a
 * new array sorted by position, or `diagnostics` itself when there are none.
 */
export function applySuppressions(parsed: Suppressions, diagnostics: Diagnostic[], options: LintOptions = {}): Diagnostic[] {
  const { suppressions, malformed } = parsed;
  for (const s of suppressions) for (const c of s.codes) c.used = false;
  if (suppressions.length === 0 && malformed.length === 0) return diagnostics;
  const fileWide = new Map<string, SuppressedCode[]>();
  const byLine = new Map<number, Map<string, SuppressedCode[]>>();
  for (const s of suppressions) {
    for (const c of s.codes) {
      if (!c.code) continue;
      if (s.kind === 'disable') {
        const list = fileWide.get(c.code) ?? [];
        list.push(c);
        fileWide.set(c.code, list);
      } else if (s.target >= 0) {
        const codes = byLine.get(s.target) ?? new Map<string, SuppressedCode[]>();
        const list = codes.get(c.code) ?? [];
        list.push(c);
        codes.set(c.code, list);
        byLine.set(s.target, codes);
      }
    }
  }
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const hits = [...(byLine.get(d.line)?.get(d.code) ?? []), ...(fileWide.get(d.code) ?? [])];
    if (hits.length === 0) {
      kept.push(d);
      continue;
    }
    for (const h of hits) h.used = true;
  }

  const add = (code: string, line: number, start: number, end: number, message: string, tags?: Diagnostic['tags']) => {
    const severity = severityOf(code, options);
    if (severity === 'off') return;
    const d: Diagnostic = { code, severity, message, line, start, end };
    if (tags) d.tags = tags;
    kept.push(d);
  };
  const noKernelInputs = !options.kernels || options.kernels.length === 0;
  for (const s of suppressions) {
    for (const c of s.codes) {
      if (!c.code) {
        add('IPT902', s.line, c.start, c.end, `'${c.text}' is not an iptlint check (see 'iptlint rules')`);
        continue;
      }
      if (c.used) continue;
      if (options.severities?.[c.code] === 'off') continue;
      // Kernel and userspace-version findings depend on inputs this run may not have had.
      const category = findCheck(c.code)?.category;
      if ((category === 'kernel' || category === 'userspace') && noKernelInputs) continue;
      const where = s.kind === 'disable' ? 'in this file' : s.target >= 0 ? `on line ${s.target + 1}` : 'after this comment (no rule follows it)';
      add('IPT901', s.line, c.start, c.end, `suppression of ${c.code} is unused: ${c.code} reports nothing ${where}`, ['unnecessary']);
    }
    if (!s.reason) {
      const last = s.codes[s.codes.length - 1];
      add('IPT904', s.line, 0, last.end, `suppression gives no reason: add ' -- why this is acceptable'`);
    }
  }
  for (const p of malformed) add('IPT903', p.line, p.start, p.end, p.message);
  return kept.sort(byPosition);
}
