/**
 * The iptlint command: parses arguments, finds configuration, reads files,
 * calls the pure core, prints with a formatter and sets the exit status
 * (0 nothing at or above the failure threshold, 1 findings at or above it or
 * too many warnings, 2 usage, configuration or I/O error). Never prints a
 * stack trace for bad input.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Family } from '../catalog/types.js';
import { documentedChecks, explainText, findCheck, rulesTable } from '../check-docs.js';
import { ConfigResolver, type Config, type FailureThreshold } from '../config/load.js';
import { SEVERITY_RANK, type Severity } from '../diagnostics.js';
import type { KernelProfile } from '../kernel/profile.js';
import type { Backend, LintOptions } from '../lint-options.js';
import { lint } from '../lint.js';
import { CliError } from './errors.js';
import { describeFsError, expandPaths, readRulesFile, readStdin, type InputFile, type InputProblem } from './files.js';
import { FORMATTERS } from './format/index.js';
import { summaryLine } from './format/text.js';
import type { FileReport, Report } from './format/types.js';
import { HELP } from './help.js';
import { expandWithConfig, ExcludeMatcher } from './select.js';
import { detectRunningKernel, loadIpsets, loadKernelProfiles, type RunningKernel } from './kernel-inputs.js';
import { runModulesCommand } from './modules-command.js';

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
  output: { type: 'string', short: 'o' },
  concise: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'failure-threshold': { type: 'string' },
  'max-warnings': { type: 'string' },
  family: { type: 'string' },
  backend: { type: 'string' },
  'stdin-filename': { type: 'string' },
  'kernel-config': { type: 'string', multiple: true },
  modules: { type: 'string', multiple: true },
  'kernel-release': { type: 'string', multiple: true },
  'no-kernel': { type: 'boolean' },
  sysroot: { type: 'string' },
  'no-autoload': { type: 'boolean' },
  ipsets: { type: 'string' },
  'iptables-version': { type: 'string' },
  color: { type: 'string' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const THRESHOLDS = ['error', 'warning', 'info'] as const;

/** A progress line on a terminal appears only for runs longer than this. */
const PROGRESS_AFTER_MS = 1000;

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

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/\. To specify a positional.*$/, '')}\nTry 'iptlint --help'.`);
  }
}

/** Prints "iptlint: 3/250 files (path)" over itself on a terminal, once the run has taken over a second. */
class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  constructor(
    private readonly stream: Io['stderr'] | undefined,
    private readonly total: number,
    private readonly afterMs: number,
  ) {}

  update(done: number, current: string): void {
    if (!this.stream) return;
    const now = Date.now();
    if (now - this.started < this.afterMs || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    const width = 70;
    const name = current.length > width - 30 ? `…${current.slice(-(width - 31))}` : current;
    this.stream.write(`\r\x1b[Kiptlint: ${done}/${this.total} files (${name})`);
  }

  clear(): void {
    if (this.drawn) this.stream?.write('\r\x1b[K');
  }
}

/** The lint options and thresholds for the files one config covers, with CLI flags on top. */
interface Settings {
  config?: Config;
  options: LintOptions;
  /** Which running-kernel files were used, or why the kernel checks were skipped: said once. */
  kernelNote?: string;
  failureThreshold: Severity;
  maxWarnings?: number;
}

type Values = ReturnType<typeof parse>['values'];

function rel(cwd: string, p: string): string {
  return path.relative(cwd, p) || '.';
}

class SettingsCache {
  private readonly byConfig = new Map<Config | undefined, Promise<Settings>>();
  constructor(
    private readonly values: Values,
    private readonly cwd: string,
    private readonly sysroot?: string,
  ) {}

  private running?: Promise<RunningKernel>;

  /** The running kernel, read once per run; `--sysroot` (or IPTLINT_SYSROOT) points at another root file system. */
  runningKernel(): Promise<RunningKernel> {
    this.running ??= detectRunningKernel(this.sysroot ?? '/');
    return this.running;
  }

  get(config: Config | undefined): Promise<Settings> {
    let s = this.byConfig.get(config);
    if (!s) {
      s = this.build(config);
      this.byConfig.set(config, s);
    }
    return s;
  }

  private async build(config: Config | undefined): Promise<Settings> {
    const v = this.values;
    const cwd = this.cwd;
    const cliKernel = (v['kernel-config']?.length ?? 0) + (v.modules?.length ?? 0) + (v['kernel-release']?.length ?? 0) > 0;
    let kernels: KernelProfile[] | undefined;
    let kernelNote: string | undefined;
    if (!v['no-kernel'] && (cliKernel || config?.kernel.enabled !== false)) {
      // Flags name the target kernel for every file; otherwise each config names it, relative to itself.
      const inputs = cliKernel
        ? { kernelConfig: v['kernel-config'] ?? [], modules: v.modules ?? [], kernelRelease: v['kernel-release'] ?? [] }
        : config
          ? { kernelConfig: config.kernel.config.map((p) => rel(cwd, p)), modules: config.kernel.modules.map((p) => rel(cwd, p)), kernelRelease: config.kernel.release }
          : undefined;
      if (inputs && inputs.kernelConfig.length + inputs.modules.length + inputs.kernelRelease.length > 0) {
        kernels = await loadKernelProfiles({ ...inputs, cwd });
      } else {
        // Nothing names the target kernel: check against the one running here, and say which files that was.
        const running = await this.runningKernel();
        kernels = running.profiles.length ? running.profiles : undefined;
        kernelNote = running.skipped ?? `kernel checks against the running kernel ${running.profiles[0]?.release ?? ''} (${running.used.join(', ')}); pass --kernel-config for the target kernel, or --no-kernel`;
      }
    }
    const ipsetsPath = v.ipsets ?? (config?.ipsets !== undefined ? rel(cwd, config.ipsets) : undefined);
    const ipsets = ipsetsPath !== undefined ? await loadIpsets(ipsetsPath, cwd) : undefined;
    const options: LintOptions = {
      family: (v.family as Family | undefined) ?? config?.family,
      backend: (v.backend as Backend | undefined) ?? config?.backend,
      noAutoload: v['no-autoload'] || config?.kernel.autoload === false || undefined,
      iptablesVersion: v['iptables-version'] ?? config?.iptablesVersion,
      severities: config && Object.keys(config.severities).length > 0 ? config.severities : undefined,
      kernels,
      ipsets,
    };
    const maxWarnings = v['max-warnings'] !== undefined ? undefined : config?.maxWarnings;
    return { config, options, kernelNote, failureThreshold: (v['failure-threshold'] as FailureThreshold | undefined) ?? config?.failureThreshold ?? 'error', maxWarnings };
  }
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`--max-warnings must be a whole number of 0 or more (got '${value}')`);
  return Number(value);
}

export async function runLint(argv: string[], io: Io): Promise<number> {
  // Loaded on demand so that linting does not pay for the protocol library at start-up.
  if (argv[0] === 'lsp') return (await import('../../server/server.js')).runLanguageServer(argv.slice(1));
  const { values, positionals } = parse(argv);
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
  oneOf<Family>('family', values.family, ['ipv4', 'ipv6']);
  oneOf<Backend>('backend', values.backend, ['legacy', 'nft']);
  oneOf('failure-threshold', values['failure-threshold'], THRESHOLDS);
  const cliMaxWarnings = parseMaxWarnings(values['max-warnings']);
  if (values.config !== undefined && values['no-config']) throw new CliError('--config and --no-config cannot be used together');
  if (positionals.length === 0) throw new CliError("no input files (give a file, a directory, a glob, or - for standard input)\nTry 'iptlint --help'.");

  const resolver = new ConfigResolver(io.cwd, values.config, !values['no-config']);
  await resolver.check();
  const sysroot = values.sysroot ?? (io.env.IPTLINT_SYSROOT || undefined);
  const settings = new SettingsCache(values, io.cwd, sysroot === undefined ? undefined : path.resolve(io.cwd, sysroot));
  const notes = new Set<string>();
  const excluder = new ExcludeMatcher();

  const { paths, problems } = await expandWithConfig(positionals, io.cwd, resolver, expandPaths);
  const inputErrors: InputProblem[] = [...problems];
  for (const p of problems) io.stderr.write(`iptlint: ${p.path}: ${p.message}\n`);

  const report: Report = { files: [], toolVersion: toolVersion(), inputErrors };
  const fileSettings: Settings[] = [];
  const progressAfter = Number(io.env.IPTLINT_PROGRESS_AFTER_MS ?? PROGRESS_AFTER_MS);
  const showProgress = formatName === 'text' && !values.quiet && !!io.stderr.isTTY;
  const progress = new Progress(showProgress ? io.stderr : undefined, paths.length, Number.isFinite(progressAfter) ? progressAfter : PROGRESS_AFTER_MS);
  let done = 0;
  for (const p of paths) {
    progress.update(done++, p);
    const shownName = p === '-' ? (values['stdin-filename'] ?? '<stdin>') : p;
    // Standard input is governed by the config of the directory it claims to be in.
    const configFor = p === '-' ? path.join(io.cwd, values['stdin-filename'] ?? 'stdin') : p;
    const config = await resolver.forPath(configFor);
    if (p !== '-' && config && (await excluder.excluded(config, path.resolve(io.cwd, p)))) continue;
    const s = await settings.get(config);
    if (s.kernelNote && !notes.has(s.kernelNote)) {
      notes.add(s.kernelNote);
      if (!values.quiet) io.stderr.write(`iptlint: ${s.kernelNote}\n`);
    }
    let input: InputFile;
    try {
      input = p === '-' ? await readStdin(shownName, io.stdin) : await readRulesFile(p, io.cwd);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      progress.clear();
      io.stderr.write(`iptlint: ${error.message}\n`);
      const colon = error.message.indexOf(': ');
      inputErrors.push({ path: shownName, message: colon > 0 ? error.message.slice(colon + 2) : error.message });
      continue;
    }
    const result = lint(input.text, { ...s.options, fileName: input.path, findingsOnly: true });
    const file: FileReport = { path: input.path, family: result.file.family, lines: result.lines, diagnostics: result.diagnostics };
    report.files.push(file);
    fileSettings.push(s);
  }
  progress.clear();

  const cliThreshold = values['failure-threshold'] as Severity | undefined;
  const rendered = formatter(report, { color: values.output === undefined && useColor(values.color, values['no-color'], io), concise: !!values.concise, failureThreshold: cliThreshold ?? fileSettings[0]?.failureThreshold ?? 'error' });
  if (values.output !== undefined) {
    const target = path.resolve(io.cwd, values.output);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, rendered);
    } catch (error) {
      throw new CliError(`${values.output}: cannot write the report: ${describeFsError(error)}`);
    }
  } else {
    io.stdout.write(rendered);
  }
  // The text summary goes to the terminal even when the report goes to a file.
  if (!values.quiet && (values.output !== undefined || (formatName === 'text' && report.files.length > 0))) {
    io.stdout.write(`${summaryLine(report)}${values.output !== undefined ? ` (report written to ${values.output})` : ''}\n`);
  }

  let failed = false;
  report.files.forEach((file, i) => {
    const rank = SEVERITY_RANK[fileSettings[i].failureThreshold];
    if (file.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= rank)) failed = true;
  });
  const warnings = (files: FileReport[]) => files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (cliMaxWarnings !== undefined) {
    const n = warnings(report.files);
    if (n > cliMaxWarnings) {
      io.stderr.write(`iptlint: ${n} warning${n === 1 ? '' : 's'}, more than --max-warnings ${cliMaxWarnings}\n`);
      failed = true;
    }
  } else {
    // Each config's maxWarnings limits the files it covers.
    const groups = new Map<Settings, FileReport[]>();
    report.files.forEach((file, i) => {
      const s = fileSettings[i];
      if (s.maxWarnings === undefined) return;
      groups.set(s, [...(groups.get(s) ?? []), file]);
    });
    for (const [s, files] of groups) {
      const n = warnings(files);
      if (n > (s.maxWarnings ?? Infinity)) {
        io.stderr.write(`iptlint: ${n} warning${n === 1 ? '' : 's'} in files covered by ${s.config?.path}, more than its maxWarnings ${s.maxWarnings}\n`);
        failed = true;
      }
    }
  }
  if (inputErrors.length > 0) return 2;
  return failed ? 1 : 0;
}

function runExplain(argv: string[], io: Io): number {
  const codes = argv.filter((a) => a !== '--');
  if (codes.length === 0 || codes.some((c) => c === '-h' || c === '--help')) {
    if (codes.length === 0) throw new CliError("explain needs a check code or name, e.g. 'iptlint explain IPT113' (see 'iptlint rules')");
    io.stdout.write('usage: iptlint explain CODE|NAME...\n');
    return 0;
  }
  const parts: string[] = [];
  for (const code of codes) {
    const info = findCheck(code);
    if (!info) throw new CliError(`'${code}' is not an iptlint check (see 'iptlint rules')`);
    parts.push(explainText(info));
  }
  io.stdout.write(parts.join('\n'));
  return 0;
}

function runRules(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) {
    io.stdout.write('usage: iptlint rules [--format text|json]\n');
    return 0;
  }
  const checks = documentedChecks();
  const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
  io.stdout.write(format === 'json' ? JSON.stringify(checks, null, 2) + '\n' : rulesTable(checks));
  return 0;
}

/** Subcommands are words no rules file is called; `./rules` lints a file named rules. */
async function dispatch(argv: string[], io: Io): Promise<number> {
  switch (argv[0]) {
    case 'explain':
      return runExplain(argv.slice(1), io);
    case 'modules':
      return runModulesCommand(argv.slice(1), io, io.cwd);
    case 'rules':
      try {
        return runRules(argv.slice(1), io);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`${(error as Error).message}\nTry 'iptlint rules --help'.`);
      }
    default:
      return runLint(argv, io);
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
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
