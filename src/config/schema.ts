/**
 * The schema of `.iptlintrc.json`, as a JSON Schema (draft-07) object. It is
 * both what iptlint validates configs with (by the small interpreter below,
 * which understands exactly the keywords this schema uses) and what
 * scripts/gen-docs.mjs publishes as schema/iptlintrc.schema.json for editors,
 * so the two cannot drift apart.
 */

export type JsonSchema = {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'boolean' | 'number';
  enum?: readonly string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  anyOf?: readonly JsonSchema[];
  default?: unknown;
  examples?: readonly unknown[];
};

const SEVERITY_SETTING: JsonSchema = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };
const PATHS: JsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 } },
  ],
};
const PATTERNS: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };

export const CONFIG_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/iptlint/iptlint/blob/main/schema/iptlintrc.schema.json',
  title: 'iptlint configuration (.iptlintrc.json)',
  description: 'Found by walking up from each linted file, or given with --config. Paths are relative to the directory of this file. Command-line flags override it.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Editors use this to find the schema.' },
    checks: {
      description: 'Severity per check, by code (IPT113) or name (unknown-option): off, info, warning or error.',
      type: 'object',
      propertyNames: { type: 'string', pattern: '^(IPT[0-9]{3}|[a-z0-9]+(-[a-z0-9]+)*)$' },
      additionalProperties: SEVERITY_SETTING,
      examples: [{ IPT125: 'off', 'duplicate-table': 'error' }],
    },
    family: { description: 'Treat the files as IPv4 or IPv6 (default: from the file name, header or addresses).', type: 'string', enum: ['ipv4', 'ipv6'] },
    backend: { description: 'The iptables backend that will load the files (default: from the save header).', type: 'string', enum: ['legacy', 'nft'] },
    iptablesVersion: { description: 'The iptables version that will load the files, e.g. 1.8.9.', type: 'string', pattern: '^[0-9]+(\\.[0-9]+){1,2}$' },
    ipsets: { description: 'An `ipset save` file listing the sets the rules may reference.', type: 'string', minLength: 1 },
    kernel: {
      description: 'The target kernel(s) to check module requirements against.',
      type: 'object',
      additionalProperties: false,
      properties: {
        config: { ...PATHS, description: 'Kernel .config file(s) (plain or gzipped), one per target kernel.' },
        modules: { ...PATHS, description: 'lsmod output, /proc/modules, modules.builtin/.dep/.alias, or a /lib/modules/RELEASE directory.' },
        release: { ...PATHS, description: 'Kernel release(s), where the inputs do not say it.' },
        enabled: { type: 'boolean', description: 'false skips the kernel checks (like --no-kernel).', default: true },
        autoload: { type: 'boolean', description: 'false: the host cannot load modules on demand (like --no-autoload).', default: true },
      },
    },
    include: { ...PATTERNS, description: 'Glob patterns (relative to this file) of the rules files a directory argument expands to; default: rules.v4, rules.v6, *.rules, iptables*.rules, *.v4, *.v6 at any depth.' },
    exclude: { ...PATTERNS, description: 'Glob patterns (relative to this file) of files never to lint, even when named on the command line.' },
    failureThreshold: { description: 'The lowest severity that makes iptlint exit with status 1.', type: 'string', enum: ['error', 'warning', 'info'], default: 'error' },
    maxWarnings: { description: 'Exit with status 1 when the files this config covers have more warnings than this.', type: 'integer', minimum: 0 },
  },
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: JsonSchema['type']): boolean {
  const t = typeOf(value);
  return type === undefined || t === type || (type === 'number' && t === 'integer');
}

/** A JSON pointer-ish key path for messages: `kernel.config[1]`. */
function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Validates `value` against the subset of JSON Schema used above; returns one message per problem, each naming the key. */
export function validate(value: unknown, schema: JsonSchema = CONFIG_SCHEMA, path = ''): string[] {
  const where = path ? `'${path}'` : 'the configuration';
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => validate(value, s, path));
    if (results.some((r) => r.length === 0)) return [];
    const kinds = schema.anyOf.map((s) => (s.type === 'array' ? `an array of ${s.items?.type ?? 'value'}s` : `a ${s.type}`));
    return [`${where} must be ${kinds.join(' or ')} (got ${describe(value)})`];
  }
  if (!matchesType(value, schema.type)) return [`${where} must be ${schema.type === 'object' ? 'an object' : schema.type === 'array' ? 'an array' : schema.type === 'integer' ? 'an integer' : `a ${schema.type}`} (got ${describe(value)})`];
  const errors: string[] = [];
  if (schema.enum && !schema.enum.includes(value as string)) errors.push(`${where} must be one of ${schema.enum.join(', ')} (got ${describe(value)})`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${where} must not be empty`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${where} has an unexpected form (got ${describe(value)})`);
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) errors.push(`${where} must be at least ${schema.minimum} (got ${value})`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items, join(path, i))));
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(obj)) {
      const keyPath = join(path, key);
      if (schema.propertyNames) {
        const bad = validate(key, schema.propertyNames, keyPath);
        if (bad.length) {
          errors.push(`'${keyPath}' is not a check code or name`);
          continue;
        }
      }
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(child, sub, keyPath));
      else if (schema.additionalProperties === false) {
        const known = Object.keys(schema.properties ?? {}).filter((k) => k !== '$schema');
        errors.push(`unknown key '${keyPath}' (known keys${path ? ` of '${path}'` : ''}: ${known.join(', ')})`);
      } else if (typeof schema.additionalProperties === 'object') errors.push(...validate(child, schema.additionalProperties, keyPath));
    }
  }
  return errors;
}

function describe(value: unknown): string {
  const t = typeOf(value);
  if (t === 'string') return JSON.stringify(value);
  if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'null') return String(value);
  return `an ${t === 'array' ? 'array' : 'object'}`;
}
