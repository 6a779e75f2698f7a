/** Every catalog entry, gathered from the group files (split so they can grow independently). */
import type { Constraint, ExtensionDef, OptionDef, ValueSpec } from '../types.js';
import { group as matches1 } from './group-matches-1.js';
import { group as matches2 } from './group-matches-2.js';
import { group as targets } from './group-targets.js';
import { tcp } from './tcp.js';

/*
 * Every entry, option and value spec rebuilt with all its fields, in one order: written as literals, each with the
 * optional fields it needs, they had hundreds of hidden classes in V8, and the checks that read `option.args`,
 * `def.constraints`, `spec.kind` … at every rule did so through property caches that saw them all (megamorphic,
 * several times slower than one shape). Absent fields are undefined, as before.
 */

function uniformSpec(s: ValueSpec): ValueSpec {
  return {
    kind: s.kind, label: s.label, min: s.min, max: s.max, maxLength: s.maxLength, choices: s.choices,
    caseInsensitive: s.caseInsensitive, maxItems: s.maxItems, portParser: s.portParser, validate: s.validate,
  };
}

function uniformOption(o: OptionDef): OptionDef {
  return {
    name: o.name, aliases: o.aliases, short: o.short, args: o.args?.map(uniformSpec), optionalArg: o.optionalArg,
    invert: o.invert, required: o.required, multi: o.multi, excludes: o.excludes, requires: o.requires,
    family: o.family, hooks: o.hooks, hooksByValue: o.hooksByValue, deprecated: o.deprecated, protocols: o.protocols,
    summary: o.summary,
  };
}

function uniformConstraint(c: Constraint): Constraint {
  return c.kind === 'less'
    ? { kind: c.kind, options: c.options, orEqual: c.orEqual, message: c.message }
    : { kind: c.kind, options: c.options, message: c.message };
}

function uniform(e: ExtensionDef): ExtensionDef {
  return {
    name: e.name, type: e.type, families: e.families, summary: e.summary, options: e.options.map(uniformOption),
    constraints: e.constraints?.map(uniformConstraint), protocols: e.protocols, protocolsByFamily: e.protocolsByFamily,
    tables: e.tables, hooks: e.hooks, restrictionsLegacyOnly: e.restrictionsLegacyOnly,
    implicitProtocol: e.implicitProtocol, deprecated: e.deprecated, savedAs: e.savedAs,
  };
}

export const allExtensions: readonly ExtensionDef[] = [tcp, ...matches1, ...matches2, ...targets].map(uniform);
