/** Runs the CLI in-process (main) or as a real process (bin/topology-tutor.js), in scratch folders. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../server/src/cli';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');
export const BIN = path.join(ROOT, 'bin', 'topology-tutor.js');

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(args: string[], options: { cwd?: string; stdin?: string } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, (t) => (out += t), (t) => (err += t), {
    cwd: options.cwd ?? ROOT,
    readStdin: () => (options.stdin === undefined ? Promise.reject(new Error('no stdin in this test')) : Promise.resolve(options.stdin)),
  });
  return { code, out, err };
}

/** The bundled CLI as a child process (needs `npm run bundle`). */
export function spawnCli(args: string[], options: { cwd?: string; input?: string; timeoutMs?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input ?? '', encoding: 'utf8', timeout: options.timeoutMs ?? 20000 });
  if (r.error !== undefined) throw r.error;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A scratch folder with `files` (path → text), removed by the returned cleanup. */
export function scratch(files: Record<string, string> = {}): { dir: string; file: (p: string) => string; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'topology-cli-')));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return { dir, file: (p) => path.join(dir, p), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, 'lessons', name), 'utf8');
}

/** `rule@line` of every finding line in human output. */
export function ruleLines(out: string): string[] {
  return out
    .split('\n')
    .map((l) => /^.+?:(\d+):\d+ (?:error|warning|info) ([a-z0-9-]+) /.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[2]}@${m[1]}`);
}
