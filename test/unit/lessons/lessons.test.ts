/** Lesson lint: front matter, anchors, links, and "Try it" files that really fire their rule. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LESSONS } from '../../../shared/lessons/catalog';
import { parseLesson } from '../../../shared/lessons/lessonFile';
import type { LessonFile } from '../../../shared/lessons/lessonFile';
import { RULES } from '../../../server/src/core/rules/catalog';
import { KEY_DOCS, VALUE_DOCS } from '../../../server/src/core/hover/keyDocs';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const LESSONS_DIR = path.join(ROOT, 'lessons');
/** Markdown under lessons/ that is not a lesson: the answers to the lesson review (not shipped). */
const NOT_LESSONS = new Set(['REVIEW.md']);

function load(id: string): LessonFile {
  return parseLesson(fs.readFileSync(path.join(LESSONS_DIR, `${id}.md`), 'utf8'));
}

function assertAnchor(lesson: string, anchor: string, where: string): void {
  const file = load(lesson);
  assert.ok(file.anchors.has(anchor), `${where}: ${lesson}.md has no section #${anchor} (has: ${[...file.anchors].join(', ')})`);
}

describe('lessons', () => {
  it('ships exactly the catalogued lessons', () => {
    const files = fs.readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.md') && !NOT_LESSONS.has(f)).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(files, LESSONS.map((l) => l.id).sort());
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      const file = (): LessonFile => load(lesson.id);

      it('has front matter matching the catalogue', () => {
        const fm = file().frontMatter;
        assert.equal(fm.get('id'), lesson.id);
        assert.equal(fm.get('title'), lesson.title);
        assert.equal(fm.get('track'), lesson.track);
        assert.equal(Number(fm.get('order')), lesson.order);
        assert.equal(Number(fm.get('minutes')), lesson.minutes);
        assert.ok((fm.get('summary') ?? '').length > 20, 'has a summary');
      });

      if (lesson.track !== 'reference') {
        it('has the idea, a worked example, common mistakes, try it and what\'s next', () => {
          for (const anchor of ['the-idea', 'worked-example', 'common-mistakes', 'try-it', 'whats-next']) {
            assertAnchor(lesson.id, anchor, 'required section');
          }
        });
      }

      it('has links that resolve (files and anchors)', () => {
        for (const match of file().body.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = match[1];
          if (/^[a-z]+:/.test(target)) continue;
          const [relative, anchor] = target.split('#');
          const resolved = relative === '' ? path.join(LESSONS_DIR, `${lesson.id}.md`) : path.resolve(LESSONS_DIR, relative);
          assert.ok(fs.existsSync(resolved), `${lesson.id}: link ${target} points at a missing file`);
          if (anchor !== undefined && resolved.endsWith('.md') && path.dirname(resolved) === LESSONS_DIR) {
            assertAnchor(path.basename(resolved, '.md'), anchor, `${lesson.id}: link ${target}`);
          }
        }
      });

      it('names a "Try it" file that exists', () => {
        const tryIt = file().frontMatter.get('tryIt');
        if (tryIt === undefined) return;
        assert.ok(fs.existsSync(path.join(ROOT, tryIt)), `${tryIt} exists`);
      });
    });
  }

  it('gives every rule a lesson section that exists', () => {
    for (const rule of RULES.values()) assertAnchor(rule.learn.lesson, rule.learn.anchor, `rule ${rule.id}`);
  });

  it('answers every row of the lesson review in REVIEW.md', () => {
    const review = fs.readFileSync(path.join(LESSONS_DIR, 'REVIEW.md'), 'utf8');
    const rows = new Set([...review.matchAll(/^\| (L\d+|C\d+) \|/gm)].map((m) => m[1]));
    const expected = [...Array.from({ length: 27 }, (_, i) => `L${i + 1}`), 'C6', 'C7', 'C8'];
    assert.deepEqual(expected.filter((row) => !rows.has(row)), []);
  });

  it('gives every hover doc a lesson section that exists', () => {
    for (const [key, doc] of [...KEY_DOCS, ...VALUE_DOCS]) assertAnchor(doc.learn.lesson, doc.learn.anchor, `hover ${key}`);
  });
});
