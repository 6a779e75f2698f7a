/** Every check iptlint runs, in order, and the documentation of every code. */
import { syntaxCheck } from './syntax.js';
import { chainChecks } from './chains.js';
import { extensionChecks } from './extensions.js';
import { kernelModulesCheck } from './kernel-modules.js';
import { compareCodes } from '../diagnostics.js';
import type { CheckInfo, ModelCheck } from './types.js';

export const MODEL_CHECKS: readonly ModelCheck[] = [syntaxCheck, extensionChecks, chainChecks, kernelModulesCheck];

export const ALL_CHECK_INFO: readonly CheckInfo[] = MODEL_CHECKS.flatMap((c) => c.info).sort((a, b) => compareCodes(a.code, b.code));

const byCode = new Map(ALL_CHECK_INFO.map((i) => [i.code, i]));

export function checkInfo(code: string): CheckInfo | undefined {
  return byCode.get(code);
}
