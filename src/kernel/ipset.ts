/** Reader for `ipset save` output: which sets exist and of which type (`hash:net`). */
import { KernelInputError } from './profile.js';

export interface IpsetDef {
  type: string;
  /** 0-based line of the `create` command. */
  line: number;
  file?: string;
}

/**
 * `create NAME TYPE [options]` defines a set; `add`, `-A`, comments and blank
 * lines are skipped. Anything else means the file is not `ipset save` output.
 */
export function readIpsetSave(text: string, path: string): Map<string, IpsetDef> {
  const sets = new Map<string, IpsetDef>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = line.split(/\s+/);
    const command = words[0];
    if (command === 'create' || command === '-N' || command === 'n' || command === '--create') {
      if (words.length < 3) throw new KernelInputError(`${path}:${i + 1}: "create" needs a set name and a type`, path);
      sets.set(words[1], { type: words[2], line: i, file: path });
    } else if (!['add', '-A', 'a', '--add', 'flush', 'destroy', 'swap', 'rename', 'COMMIT'].includes(command)) {
      throw new KernelInputError(`${path}:${i + 1}: not "ipset save" output (unexpected "${command}")`, path);
    }
  }
  return sets;
}
