/**
 * The lint queue when its worker thread dies: each crash is counted once, the
 * document that was being linted is not linted again until it changes, a new
 * worker serves the rest, and after three restarts linting moves into the
 * server's own thread. Real worker threads that really crash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LintQueue, type LintDone, type LintJob } from '../../server/lint-worker.js';

function crashingWorker(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iptlint-queue-'));
  const file = join(dir, 'crash-worker.mjs');
  // Throws on every message: the thread dies with an uncaught exception, firing 'error' and then 'exit'.
  writeFileSync(file, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n");
  return file;
}

const until = async (what: () => boolean, label: string) => {
  for (let i = 0; i < 400 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!what()) throw new Error(`timed out waiting for ${label}`);
};

describe('LintQueue', () => {
  test('a worker that crashes is replaced once per crash, then linting moves into the server thread', async () => {
    const logs: string[] = [];
    const done: LintDone[] = [];
    let version = 1;
    const take = (uri: string): LintJob => ({
      uri, version, generation: 0, optionsKey: '0', text: '*filter\n-A INPUT -p tcp --dport 99999 -j ACCEPT\nCOMMIT\n', options: {}, baseDir: '/',
    });
    const queue = new LintQueue(crashingWorker(), take, (d) => done.push(d), (m) => logs.push(m));
    try {
      for (let crash = 1; crash <= 4; crash++) {
        queue.request(`file:///doc${crash}.v4`);
        const crashes = () => logs.filter((l) => l.startsWith('iptlint: the lint worker failed:') || l.startsWith('iptlint: the lint worker exited'));
        await until(() => crashes().length === crash, `crash ${crash}`);
        // Give the 'exit' that follows 'error' time to arrive: it must not count as a second crash.
        await new Promise((r) => setTimeout(r, 100));
        expect(crashes()).toHaveLength(crash);
        expect(crashes().at(-1)).toContain(`while linting file:///doc${crash}.v4`);
      }
      expect(logs.at(-1)).toContain('failed too often; linting in the server thread from now on');
      expect(queue.threaded).toBe(false);
      // The server thread lints what comes next.
      version = 2;
      queue.request('file:///doc5.v4');
      await until(() => done.length === 1, 'a lint in the server thread');
      expect(done[0]).toMatchObject({ uri: 'file:///doc5.v4', version: 2 });
      expect(done[0].diagnostics.map((d) => d.code)).toEqual(['IPT202']);
    } finally {
      await queue.dispose();
    }
  });
});
