/**
 * The lesson catalogue and the walkthrough steps are derived from the lesson files
 * (scripts/lessons/derive.ts, written by scripts/lessons/generate.mjs in `npm run build`): the
 * committed files match the lessons, a stale copy is caught, and everything reads the catalogue.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deriveFiles, deriveWalkthroughs, lessonStep, readLessons } from '../../../scripts/lessons/derive';
import type { LessonSource, Walkthrough } from '../../../scripts/lessons/derive';
import { learnLink } from '../../../server/src/core/hover/learnLink';
import { SECTIONS } from '../../../server/src/core/lessons/lessonSections';
import { LESSONS, lessonInfo, orderedLessons } from '../../../shared/lessons/catalog';
import type { LessonInfo } from '../../../shared/lessons/catalog';
import { TRACK_TITLES } from '../../../shared/lessons/tracks';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const GENERATE = path.join(ROOT, 'scripts', 'lessons', 'generate.mjs');

function lessonSources(dir = path.join(ROOT, 'lessons')): LessonSource[] {
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !/^[A-Z_]+\.md$/.test(name))
    .sort()
    .map((name) => ({ id: name.slice(0, -3), markdown: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

function generate(root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [GENERATE, '--root', root, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const lesson = (id: string, fields: Record<string, string>): LessonSource => ({
  id,
  markdown: `---\n${Object.entries({ id, title: 'A lesson', track: 'datacenter', order: '1', minutes: '10', summary: 'A summary that is long enough.', ...fields })
    .map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n# A lesson\n\n## The idea\n`,
});

describe('lesson catalogue (derived from the lessons)', () => {
  it('the committed catalogue, walkthrough steps and pages match the lessons (else run npm run build)', () => {
    const { files, errors } = deriveFiles(lessonSources(), fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(errors, []);
    assert.deepEqual(files.map((f) => f.path).slice(0, 2), ['shared/lessons/catalog.generated.ts', 'package.json']);
    for (const file of files) assert.equal(fs.readFileSync(path.join(ROOT, file.path), 'utf8'), file.text, `${file.path} is stale: run npm run build`);
  });

  it('is what the modules read: one entry per lesson file, in reading order', () => {
    assert.deepEqual(LESSONS.map((l) => l.id).sort(), lessonSources().map((s) => s.id));
    assert.deepEqual(orderedLessons(), [...LESSONS]);
    assert.deepEqual(lessonInfo('ecmp'), {
      id: 'ecmp', title: 'ECMP Load Balancing', track: 'datacenter', order: 4, minutes: 50,
      summary: lessonInfo('ecmp')!.summary, tryIt: 'examples/lessons/ecmp-imbalance.topology.yaml',
    });
    assert.equal(lessonInfo('ring0-problem')?.tryIt, undefined);
  });

  it('gives hovers ("Learn: … — N min") the catalogue minutes', () => {
    for (const section of Object.values(SECTIONS)) {
      const minutes = lessonInfo(section.lesson)?.minutes;
      assert.ok(minutes !== undefined, section.lesson);
      assert.ok(learnLink('file:///l', section).startsWith(`[Learn: ${section.title} — ${minutes} min](file:///l/${section.lesson}.md#${section.anchor})`));
    }
  });

  it('has a walkthrough step per lesson of each walkthrough track, titled with its minutes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { walkthroughs: Walkthrough[] } };
    for (const walkthrough of pkg.contributes.walkthroughs) {
      const own = LESSONS.filter((l) => l.track === walkthrough.id);
      assert.equal(walkthrough.title, TRACK_TITLES[own[0].track]);
      const steps = walkthrough.steps.filter((s) => s.id.startsWith('lesson.'));
      assert.deepEqual(steps.map((s) => s.id), own.map((l) => `lesson.${l.id}`));
      assert.deepEqual(steps.map((s) => s.title), own.map((l) => `${l.title} (${l.minutes} min)`));
    }
  });

  it('builds a lesson step with its command links', () => {
    const info: LessonInfo = { id: 'ring0-problem', title: 'The Ring-0 Problem', track: 'virtualization', order: 1, minutes: 20, summary: 'S.' };
    assert.deepEqual(lessonStep(info), {
      id: 'lesson.ring0-problem',
      title: 'The Ring-0 Problem (20 min)',
      description: '20 min. S.\n[Open the lesson](command:topology.openLesson?%5B%7B%22lesson%22%3A%22ring0-problem%22%7D%5D)\n[Try it](command:topology.openTryIt?%5B%22ring0-problem%22%5D)',
      media: { markdown: 'media/walkthrough/ring0-problem.md' },
      completionEvents: ['onContext:topology.lessonOpened.ring0-problem'],
    });
    assert.match(lessonStep({ ...info, tryIt: 'examples/x.topology.yaml' }).description, /\n\[Open the try-it file\]\(command:topology\.openTryIt\?/);
  });

  it('fills the lesson steps in catalogue order and keeps the hands-on steps where they are', () => {
    const a: LessonInfo = { id: 'a', title: 'A', track: 'datacenter', order: 1, minutes: 5, summary: 'S' };
    const b: LessonInfo = { ...a, id: 'b', title: 'B', order: 2 };
    const c: LessonInfo = { ...a, id: 'c', title: 'C', order: 3 };
    const handsOn = { id: 'handsOn.x', title: 'X', description: 'd', media: {} };
    const walkthroughs: Walkthrough[] = [
      { id: 'datacenter', title: 'old', description: 'kept', steps: [{ id: 'lesson.gone', title: '', description: '', media: {} }, handsOn, { id: 'lesson.b', title: '', description: '', media: {} }] },
      { id: 'not-a-track', title: 'T', steps: [handsOn] },
    ];
    const derived = deriveWalkthroughs(walkthroughs, [a, b, c]);
    assert.deepEqual(derived[0].steps.map((s) => s.id), ['lesson.a', 'handsOn.x', 'lesson.b', 'lesson.c']);
    assert.equal(derived[0].title, 'Datacenter Network Topology');
    assert.equal(derived[0].description, 'kept');
    assert.deepEqual(derived[1], walkthroughs[1]);
  });

  it('refuses lessons whose front matter is wrong, naming the file and the key', () => {
    const { errors } = readLessons([
      lesson('ok', {}),
      lesson('bad-id', { id: 'other' }),
      lesson('bad-track', { track: 'cooking' }),
      lesson('bad-numbers', { order: '0', minutes: 'ten' }),
      lesson('bad-try-it', { tryIt: '../etc/passwd', order: '2' }),
      lesson('same-order', {}),
    ]);
    assert.deepEqual(errors, [
      'lessons/bad-id.md: front matter id "other" differs from the file name "bad-id"',
      'lessons/bad-track.md: track "cooking" is not a track of shared/lessons/tracks.ts',
      'lessons/bad-numbers.md: order: a whole number from 1',
      'lessons/bad-numbers.md: minutes: a whole number from 1',
      'lessons/bad-try-it.md: tryIt "../etc/passwd" is not a path examples/….topology.yaml',
      'lessons/ok.md and lessons/same-order.md: both are order 1 of track datacenter',
    ]);
  });

  describe('scripts/lessons/generate.mjs (npm run build)', function () {
    this.timeout(60000);
    let copy: string;

    before(() => {
      copy = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-lessons-'));
      for (const dir of ['lessons', 'media/walkthrough', 'examples/lessons']) fs.cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
      fs.mkdirSync(path.join(copy, 'shared', 'lessons'), { recursive: true });
      for (const file of ['package.json', 'shared/lessons/catalog.generated.ts']) fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
    });

    after(() => fs.rmSync(copy, { recursive: true, force: true }));

    it('--check passes on the repository as committed', () => {
      const run = generate(ROOT, '--check');
      assert.equal(run.status, 0, run.stderr);
    });

    it('--check fails on a lesson edited without a build, naming every stale file; a run writes them', () => {
      const ecmp = path.join(copy, 'lessons', 'ecmp.md');
      fs.writeFileSync(ecmp, fs.readFileSync(ecmp, 'utf8').replace(/^minutes: 50$/m, 'minutes: 55'));
      const stale = generate(copy, '--check');
      assert.equal(stale.status, 1);
      assert.deepEqual(stale.stderr.trim().split('\n'), [
        'generate-lessons: shared/lessons/catalog.generated.ts does not match the lessons; run npm run build',
        'generate-lessons: package.json does not match the lessons; run npm run build',
        'generate-lessons: media/walkthrough/ecmp.md does not match the lessons; run npm run build',
      ]);
      const write = generate(copy);
      assert.equal(write.status, 0, write.stderr);
      assert.equal(generate(copy, '--check').status, 0);
      const pkg = fs.readFileSync(path.join(copy, 'package.json'), 'utf8');
      assert.ok(pkg.includes('"title": "ECMP Load Balancing (55 min)"'));
      assert.ok(fs.readFileSync(path.join(copy, 'shared', 'lessons', 'catalog.generated.ts'), 'utf8').includes('"minutes": 55'));
      assert.ok(fs.readFileSync(path.join(copy, 'media', 'walkthrough', 'ecmp.md'), 'utf8').includes('*55 min*'));
    });

    it('refuses a lesson whose try-it file does not exist, and writes nothing', () => {
      const vm = path.join(copy, 'lessons', 'vm-exits.md');
      fs.writeFileSync(vm, fs.readFileSync(vm, 'utf8').replace(/^minutes: 25$/m, 'minutes: 25\ntryIt: examples/lessons/nope.topology.yaml'));
      const before = fs.readFileSync(path.join(copy, 'package.json'), 'utf8');
      const run = generate(copy);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /lessons\/vm-exits\.md: tryIt examples\/lessons\/nope\.topology\.yaml does not exist/);
      assert.equal(fs.readFileSync(path.join(copy, 'package.json'), 'utf8'), before);
    });
  });
});
