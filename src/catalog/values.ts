/**
 * Value kinds: one parser per ValueKind, with iptables' own limits.
 * checkValue() returns the problems with a value; none means iptables accepts it.
 */
import type { ValueContext, ValueProblem, ValueSpec } from './types.js';

type KindChecker = (text: string, spec: ValueSpec, ctx: ValueContext) => ValueProblem[];

const NONE: ValueProblem[] = [];

function uint(text: string, spec: ValueSpec): ValueProblem[] {
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(text)) return [{ message: `\`${text}\` is not a number` }];
  const n = Number(text);
  const min = spec.min ?? 0;
  const max = spec.max ?? 0xffffffff;
  if (n < min || n > max) return [{ message: `\`${text}\` is out of range ${min}-${max}` }];
  return NONE;
}

const checkers: Partial<Record<ValueSpec['kind'], KindChecker>> = {
  none: () => NONE,
  uint,
  string: (text, spec) =>
    spec.maxLength !== undefined && Buffer.byteLength(text, 'utf8') > spec.maxLength
      ? [{ message: `too long: ${Buffer.byteLength(text, 'utf8')} bytes, at most ${spec.maxLength}` }]
      : NONE,
};

export function checkValue(spec: ValueSpec, text: string, ctx: ValueContext): ValueProblem[] {
  const checker = checkers[spec.kind];
  const problems = checker ? checker(text, spec, ctx) : NONE;
  if (spec.validate) {
    const extra = spec.validate(text, ctx);
    if (extra.length) return problems.length ? [...problems, ...extra] : extra;
  }
  return problems;
}
