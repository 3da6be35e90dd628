/**
 * The `ignore:` globs of a config file, matched against paths relative to the config file's folder
 * (`/`-separated, no leading `./`), with .gitignore's conveniences:
 *   - a pattern without a slash matches a file or folder name at any depth (`*.draft.topology.yaml`,
 *     `generated`);
 *   - a pattern with a slash is anchored at the config file's folder (`fabrics/old/**`; a leading `/`
 *     is allowed and means the same);
 *   - a pattern that matches a folder ignores everything below it (`vendor`, `vendor/`);
 *   - a trailing `/` matches folders only.
 * Globs are picomatch's (`*`, `**`, `?`, `[…]`, `{a,b}`); dot files match too.
 */
import picomatch from 'picomatch';

/** Whether a relative path (`a/b/c.topology.yaml`) is ignored. */
export type IgnoreMatcher = (relativePath: string) => boolean;

interface CompiledPattern {
  match: (path: string) => boolean;
  /** With a trailing `/`: test folders only, never the file itself. */
  foldersOnly: boolean;
}

function normalize(pattern: string): { glob: string; foldersOnly: boolean } {
  let glob = pattern.trim();
  const foldersOnly = glob.endsWith('/');
  while (glob.endsWith('/')) glob = glob.slice(0, -1);
  while (glob.startsWith('./')) glob = glob.slice(2);
  const anchored = glob.startsWith('/');
  while (glob.startsWith('/')) glob = glob.slice(1);
  // Anchored patterns without another slash must not match at any depth.
  return { glob: anchored && !glob.includes('/') ? `./${glob}` : glob, foldersOnly };
}

function compile(pattern: string): CompiledPattern {
  const { glob, foldersOnly } = normalize(pattern);
  const anchoredTop = glob.startsWith('./');
  const body = anchoredTop ? glob.slice(2) : glob;
  const matcher = picomatch(body, { dot: true, basename: !anchoredTop && !body.includes('/') });
  return { match: (path) => (anchoredTop && path.includes('/') ? false : matcher(path)), foldersOnly };
}

/** Why a pattern cannot be used, or undefined when it can. */
export function invalidPatternReason(pattern: string): string | undefined {
  const { glob } = normalize(pattern);
  if (glob === '' || glob === '.') return 'it names the config file\'s own folder, which would ignore everything';
  if (glob.split('/').includes('..')) return 'it leaves the config file\'s folder (`..`)';
  try {
    picomatch.makeRe(glob.replace(/^\.\//, ''));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

export function compileIgnore(patterns: readonly string[]): IgnoreMatcher {
  if (patterns.length === 0) return () => false;
  const compiled = patterns.map(compile);
  return (relativePath) => {
    const segments = relativePath.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.length === 0 || segments[0] === '..') return false;
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const isFolder = i < segments.length;
      for (const pattern of compiled) {
        if (pattern.foldersOnly && !isFolder) continue;
        if (pattern.match(prefix)) return true;
      }
    }
    return false;
  };
}
