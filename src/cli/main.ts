/**
 * The iptlint command: parses arguments, reads files, calls the pure core,
 * prints with a formatter and sets the exit status (0 clean, 1 errors found,
 * 2 usage or I/O error). Never prints a stack trace for bad input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Family } from '../catalog/types.js';
import type { Backend, LintOptions } from '../lint-options.js';
import { lint } from '../lint.js';
import { CliError } from './errors.js';
import { expandPaths, readRulesFile, readStdin, type InputFile } from './files.js';
import { FORMATTERS } from './format/index.js';
import { summaryLine } from './format/text.js';
import type { FileReport, Report } from './format/types.js';
import { HELP } from './help.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  concise: { type: 'boolean' },
  family: { type: 'string' },
  backend: { type: 'string' },
  'stdin-filename': { type: 'string' },
  'kernel-config': { type: 'string', multiple: true },
  modules: { type: 'string', multiple: true },
  'kernel-release': { type: 'string', multiple: true },
  'no-kernel': { type: 'boolean' },
  'no-autoload': { type: 'boolean' },
  ipsets: { type: 'string' },
  'iptables-version': { type: 'string' },
  color: { type: 'string' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

function useColor(mode: string | undefined, noColor: boolean | undefined, io: Io): boolean {
  if (noColor) return false;
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return !!io.stdout.isTTY;
}

export async function runLint(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/\. To specify a positional.*$/, '')}\nTry 'iptlint --help'.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`iptlint ${toolVersion()}\n`);
    return 0;
  }
  const formatName = values.format ?? 'text';
  const formatter = FORMATTERS[formatName];
  if (!formatter) throw new CliError(`--format must be one of ${Object.keys(FORMATTERS).join(', ')} (got '${formatName}')`);
  oneOf('color', values.color, ['auto', 'always', 'never'] as const);
  const family = oneOf<Family>('family', values.family, ['ipv4', 'ipv6']);
  const backend = oneOf<Backend>('backend', values.backend, ['legacy', 'nft']);
  if (positionals.length === 0) throw new CliError("no input files (give a file, a directory, a glob, or - for standard input)\nTry 'iptlint --help'.");

  const { paths, problems } = await expandPaths(positionals, io.cwd);
  let ioFailed = problems.length > 0;
  for (const p of problems) io.stderr.write(`iptlint: ${p.path}: ${p.message}\n`);

  const baseOptions: LintOptions = { family, backend, noAutoload: values['no-autoload'], iptablesVersion: values['iptables-version'] };
  const report: Report = { files: [], toolVersion: toolVersion() };
  for (const p of paths) {
    let input: InputFile;
    try {
      input = p === '-' ? await readStdin(values['stdin-filename'] ?? '<stdin>', io.stdin) : await readRulesFile(p, io.cwd);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr.write(`iptlint: ${error.message}\n`);
      ioFailed = true;
      continue;
    }
    const result = lint(input.text, { ...baseOptions, fileName: input.path });
    const file: FileReport = { path: input.path, family: result.file.family, lines: result.lines, diagnostics: result.diagnostics };
    report.files.push(file);
  }

  const color = useColor(values.color, values['no-color'], io);
  io.stdout.write(formatter(report, { color, concise: !!values.concise }));
  if (formatName === 'text' && !values.quiet && report.files.length > 0) {
    io.stdout.write(`${summaryLine(report)}\n`);
  }
  if (ioFailed) return 2;
  return report.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await runLint(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`iptlint: ${error.message}\n`);
      return 2;
    }
    // A bug in iptlint, not bad input: still one line, plus how to report it.
    io.stderr.write(`iptlint: internal error: ${(error as Error)?.message ?? String(error)}\n(please report this with the input that caused it; set IPTLINT_DEBUG=1 for details)\n`);
    if (io.env.IPTLINT_DEBUG) io.stderr.write(`${(error as Error)?.stack}\n`);
    return 2;
  }
}
