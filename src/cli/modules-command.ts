/**
 * `iptlint modules <files…>`: the kernel modules the rulesets need, each once,
 * dependencies first, as a ready /etc/modules-load.d/iptables.conf.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { platform, release as osRelease } from 'node:os';
import type { Family } from '../catalog/types.js';
import { MODULES_LOAD_FILE } from '../checks/kernel-modules.js';
import type { KernelProfile } from '../kernel/profile.js';
import { referenceFor, referenceForRelease } from '../kernel/reference.js';
import { decideBackend, loadOrder, requirementsOf, type Requirement } from '../kernel/requirements.js';
import { moduleState } from '../kernel/state.js';
import type { Backend } from '../lint-options.js';
import { lint } from '../lint.js';
import { CliError } from './errors.js';
import { loadIpsets, loadKernelProfiles } from './kernel-inputs.js';

export interface ModulesIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const USAGE = `usage: iptlint modules [options] <rules files…>
Prints the kernel modules the rulesets need, dependencies first, as ${MODULES_LOAD_FILE}.
  --explain                 add, per module, its CONFIG_ symbol and the lines that need it
  --format text|json        output format (default text)
  --backend legacy|nft      iptables backend (default: from the save header, else nft)
  --family ipv4|ipv6        family of the rules (default: from the file name or header)
  --kernel-config FILE      kernel config of the target (release taken from it)
  --modules PATH            lsmod output, modules.* file or /lib/modules/<release>
  --kernel-release X        target kernel release (default: the running kernel)
  --ipsets FILE             \`ipset save\` output: adds the set-type modules
`;

interface Args {
  files: string[];
  explain: boolean;
  format: 'text' | 'json';
  backend?: Backend;
  family?: Family;
  kernelConfig: string[];
  modules: string[];
  kernelRelease: string[];
  ipsets?: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { files: [], explain: false, format: 'text', kernelConfig: [], modules: [], kernelRelease: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--explain':
        a.explain = true;
        break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json') throw new CliError(`--format must be text or json, not ${f}`);
        a.format = f;
        break;
      }
      case '--backend': {
        const b = value();
        if (b !== 'legacy' && b !== 'nft') throw new CliError(`--backend must be legacy or nft, not ${b}`);
        a.backend = b;
        break;
      }
      case '--family': {
        const f = value();
        if (f !== 'ipv4' && f !== 'ipv6') throw new CliError(`--family must be ipv4 or ipv6, not ${f}`);
        a.family = f;
        break;
      }
      case '--kernel-config':
        a.kernelConfig.push(value());
        break;
      case '--modules':
        a.modules.push(value());
        break;
      case '--kernel-release':
        a.kernelRelease.push(value());
        break;
      case '--ipsets':
        a.ipsets = value();
        break;
      case '-h':
      case '--help':
        a.help = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg} (see iptlint modules --help)`);
        a.files.push(arg);
    }
  }
  return a;
}

interface Entry {
  module: string;
  config?: string;
  needs: { file: string; line: number; what: string }[];
}

export async function runModulesCommand(argv: string[], io: ModulesIo, cwd = process.cwd()): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`iptlint modules: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (args.files.length === 0) {
    io.stderr.write(`iptlint modules: no rules file given\n${USAGE}`);
    return 2;
  }
  try {
    const profiles = await loadKernelProfiles({ kernelConfig: args.kernelConfig, modules: args.modules, kernelRelease: args.kernelRelease, cwd });
    if (profiles.length > 1) throw new CliError('iptlint modules describes one kernel: give the inputs of one kernel only');
    const profile: KernelProfile | undefined = profiles[0];
    const runningRelease = !profile && platform() === 'linux' ? osRelease() : undefined;
    const ref = profile ? referenceFor(profile) : referenceForRelease(runningRelease);
    const kernel = profile?.label ?? runningRelease ?? ref.release;
    const ipsets = args.ipsets ? await loadIpsets(args.ipsets, cwd) : undefined;

    const tagged: Requirement[] = [];
    const problems: string[] = [];
    const backends = new Set<string>();
    const byWhat = new Map<string, { file: string; line: number; what: string }>();
    for (const path of args.files) {
      let text: string;
      try {
        text = await readFile(resolve(cwd, path), 'utf8');
      } catch (err) {
        throw new CliError(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`);
      }
      const { file } = lint(text, { fileName: path, family: args.family });
      const backend = decideBackend(file, args.backend);
      backends.add(backend.backend + (backend.source === 'assumed' ? ' (assumed)' : ''));
      for (const req of requirementsOf(file, { family: file.family, backend: backend.backend, ref, profile, ipsets })) {
        const where = `${path}:${req.span.line + 1}`;
        if (req.removed) {
          problems.push(`${where}: \`${req.what}\`: ${req.removed.history}${req.removed.replacement ? `; use ${req.removed.replacement}` : ''}`);
          continue;
        }
        // The key carries file and line so each need is listed where it comes from.
        const key = `${where} ${req.what}`;
        byWhat.set(key, { file: path, line: req.span.line + 1, what: req.what });
        tagged.push({ ...req, what: key });
      }
    }

    const entries: Entry[] = [];
    const builtin: string[] = [];
    for (const e of loadOrder(tagged, ref)) {
      if (profile) {
        const st = moduleState(profile, { module: e.module, config: e.config });
        if (st.state === 'builtin') {
          builtin.push(e.module);
          continue;
        }
      }
      entries.push({ module: e.module, config: e.config, needs: e.whats.map((w) => byWhat.get(w)!).filter(Boolean) });
    }

    if (args.format === 'json') {
      io.stdout.write(
        JSON.stringify(
          { kernel, reference: ref.release, backend: [...backends], file: MODULES_LOAD_FILE, modules: entries, builtin, problems },
          null,
          2,
        ) + '\n',
      );
    } else {
      const out: string[] = [
        `# ${MODULES_LOAD_FILE}: kernel modules for ${args.files.join(', ')}`,
        `# kernel ${kernel}${kernel !== ref.release ? ` (module names as in ${ref.release})` : ''}, iptables backend ${[...backends].join(', ')}; generated by iptlint modules`,
      ];
      for (const e of entries) {
        if (args.explain) {
          const lines = e.needs.map((n) => `${n.file}:${n.line} ${n.what}`);
          out.push(`# ${e.module}: ${e.config ?? 'no CONFIG symbol known'}; needed by ${lines.join(', ')}`);
        }
        out.push(e.module);
      }
      if (builtin.length > 0) out.push(`# built into kernel ${kernel}, nothing to load: ${builtin.join(' ')}`);
      io.stdout.write(out.join('\n') + '\n');
    }
    for (const p of problems) io.stderr.write(`iptlint modules: ${p}\n`);
    return problems.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`iptlint modules: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
