// Writes what is derived from the lesson files (lessons/*.md): the catalogue
// (shared/lessons/catalog.generated.ts), the lesson steps of the walkthroughs in package.json and
// their pages (media/walkthrough/<id>.md). The derivation itself is scripts/lessons/derive.ts
// (pure, unit-tested), loaded here through esbuild. Run by `npm run build`, before the type check.
//
//   node scripts/lessons/generate.mjs           write the files that changed, name them
//   node scripts/lessons/generate.mjs --check   write nothing; exit 1 naming every stale file
//   --root DIR                                  work on another copy of the repository (tests)
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 && args[rootAt + 1] !== undefined ? path.resolve(args[rootAt + 1]) : path.resolve(here, '..', '..');

/** derive.ts and the shared modules it imports, bundled in memory into one ES module. */
async function loadDerive() {
  const result = await build({
    entryPoints: [path.join(here, 'derive.ts')],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const { deriveFiles } = await loadDerive();
const lessonsDir = path.join(root, 'lessons');
const sources = fs.readdirSync(lessonsDir)
  // Upper-case names (README.md, REVIEW.md) are notes about the lessons, not lessons.
  .filter((name) => name.endsWith('.md') && !/^[A-Z_]+\.md$/.test(name))
  .sort()
  .map((name) => ({ id: name.slice(0, -'.md'.length), markdown: fs.readFileSync(path.join(lessonsDir, name), 'utf8') }));
const packageJson = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const { files, lessons, errors } = deriveFiles(sources, packageJson);
for (const lesson of lessons) {
  if (lesson.tryIt !== undefined && !fs.existsSync(path.join(root, lesson.tryIt))) errors.push(`lessons/${lesson.id}.md: tryIt ${lesson.tryIt} does not exist`);
}
if (errors.length > 0) {
  for (const error of errors) console.error(`generate-lessons: ${error}`);
  process.exit(1);
}

const stale = files.filter((file) => {
  const target = path.join(root, file.path);
  return !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== file.text;
});
if (check) {
  for (const file of stale) console.error(`generate-lessons: ${file.path} does not match the lessons; run npm run build`);
  process.exit(stale.length > 0 ? 1 : 0);
}
for (const file of stale) {
  fs.writeFileSync(path.join(root, file.path), file.text);
  console.log(`generate-lessons: wrote ${file.path}`);
}
