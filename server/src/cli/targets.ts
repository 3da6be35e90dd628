/**
 * The files a `lint` command line names: each argument is a file, a folder (searched for
 * *.topology.yaml / *.topology.yml and containerlab's *.clab.yml / *.clab.yaml), a glob pattern, or
 * `-` (stdin). Folders and patterns are
 * expanded with tinyglobby: symbolic links to files are followed (and the file behind them is linted
 * once), symbolic links to folders are not entered (no loops, no walks out of the tree), FIFOs and
 * devices are left out; node_modules and dot folders are skipped. A file named on the command line is
 * taken as it is: readRegularFile refuses it with a clear message if it is not a regular file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FileSystemAdapter } from 'tinyglobby';
// A require-style import, so esbuild bundles tinyglobby's (and fdir's) CommonJS build: their ES module
// builds use import.meta.url, which a CommonJS bundle does not have.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');

const { escapePath, globSync, isDynamicPattern } = tinyglobby;

export const TOPOLOGY_FILE = /\.topology\.ya?ml$/;
/** Folders hold topology files and containerlab topologies (`*.clab.yml`, `*.clab.yaml`), linted alike. */
const FOLDER_PATTERN = '**/*.{topology.yaml,topology.yml,clab.yml,clab.yaml}';
const SKIPPED = ['**/node_modules/**'];

export type Input =
  | { kind: 'file'; /** As shown: the argument as given, or a match relative to cwd (absolute for an absolute pattern). */ display: string; absolute: string }
  | { kind: 'stdin'; display: string; /** From --stdin-filename. */ absolute?: string };

export interface Expansion {
  /** The argument as given. */
  target: string;
  inputs: Input[];
  /** Why nothing matched (no such file, no match), when nothing did. */
  unmatched?: string;
}

/**
 * tinyglobby resolves a symbolic link with realpath + stat; making that stat fail for anything but a
 * regular file means a link to a folder is not entered and a link to a FIFO or a device is left out,
 * while a link to a file is kept under its own (link) path. Only link targets go through this stat,
 * and fdir lists no FIFOs or devices met directly, so a walk yields regular files only.
 */
const skipped = (): NodeJS.ErrnoException => Object.assign(new Error('symbolic link to a folder or a special file: not followed'), { code: 'ESKIPLINK' });
const ONLY_FILE_LINKS: FileSystemAdapter = {
  statSync: ((p: fs.PathLike) => {
    const stat = fs.statSync(p);
    if (!stat.isFile()) throw skipped();
    return stat;
  }) as typeof fs.statSync,
  stat: ((p: fs.PathLike, callback: (error: NodeJS.ErrnoException | null, stat: fs.Stats) => void) => {
    fs.stat(p, (error, stat) => callback(error === null && !stat.isFile() ? skipped() : error, stat));
  }) as typeof fs.stat,
};

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function glob(pattern: string, cwd: string, absoluteOutput: boolean): Input[] {
  const matches = globSync([pattern], {
    cwd,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: true,
    fs: ONLY_FILE_LINKS,
    ignore: SKIPPED,
    expandDirectories: false,
  });
  matches.sort();
  return matches.map((match) => {
    const absolute = path.resolve(cwd, match);
    return { kind: 'file', display: absoluteOutput ? absolute : match, absolute };
  });
}

/** Expands one argument. Never throws for a missing path: that is `unmatched`. */
export function expandTarget(target: string, cwd: string, stdinFilename?: string): Expansion {
  if (target === '-') {
    const absolute = stdinFilename === undefined ? undefined : path.resolve(cwd, stdinFilename);
    return { target, inputs: [{ kind: 'stdin', display: stdinFilename ?? '<stdin>', absolute }] };
  }
  const absolute = path.resolve(cwd, target);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(absolute, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (stat === undefined && fs.lstatSync(absolute, { throwIfNoEntry: false }) !== undefined) {
    // A dangling link, or a path that cannot be stat'ed: let the read report why.
    return { target, inputs: [{ kind: 'file', display: target, absolute }] };
  }
  if (stat?.isDirectory() === true) {
    const base = toPosix(path.relative(cwd, absolute)) || '.';
    const pattern = path.isAbsolute(target) ? `${escapePath(toPosix(absolute))}/${FOLDER_PATTERN}` : `${escapePath(base)}/${FOLDER_PATTERN}`;
    const inputs = glob(pattern, cwd, path.isAbsolute(target));
    return inputs.length > 0 ? { target, inputs } : { target, inputs, unmatched: `no *.topology.yaml, *.topology.yml, *.clab.yml or *.clab.yaml file in ${target}` };
  }
  if (stat !== undefined) return { target, inputs: [{ kind: 'file', display: target, absolute }] };
  if (isDynamicPattern(target)) {
    const inputs = glob(toPosix(target), cwd, path.isAbsolute(target));
    return inputs.length > 0 ? { target, inputs } : { target, inputs, unmatched: `no file matches ${target}` };
  }
  return { target, inputs: [], unmatched: `cannot read ${target}: no such file or folder (ENOENT)` };
}

/** The real path of a file, to lint a file reached twice (two arguments, two links) once. */
export function identity(input: Input): string | undefined {
  if (input.kind === 'stdin') return undefined;
  try {
    return fs.realpathSync(input.absolute);
  } catch {
    return input.absolute;
  }
}
