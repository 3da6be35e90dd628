/**
 * package.json contributions of the client: commands (category "Topology"), walkthroughs (titles, one
 * step per lesson, hands-on steps, media files, command links, completion events).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LESSONS, isKnownLesson } from '../../../shared/lessons/catalog';
import { isTryItPath } from '../../../shared/lessons/frontMatter';
import { parseLesson } from '../../../shared/lessons/lessonFile';
import { toLessonTarget } from '../../../shared/lessons/lessonLinks';
import { knownContextKeys } from '../../../client/src/walkthrough/walkthroughKeys';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[] }
interface Walkthrough { id: string; title: string; steps: Step[] }
interface Menu { command: string; when?: string; group?: string }
interface Pkg {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string; category?: string; icon?: string }[]; walkthroughs: Walkthrough[]; menus: Record<string, Menu[]> };
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Pkg;
const COMMANDS = new Set(pkg.contributes.commands.map((c) => c.command));

function commandLinks(description: string): { command: string; args: unknown[] }[] {
  return [...description.matchAll(/\]\(command:([\w.]+)(?:\?([^)\s]*))?\)/g)].map((m) => ({
    command: m[1],
    args: m[2] === undefined ? [] : (JSON.parse(decodeURIComponent(m[2])) as unknown[]),
  }));
}

describe('client contributions', () => {
  it('contributes the commands with category Topology', () => {
    const titles = Object.fromEntries(pkg.contributes.commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles['topology.openLessons'], 'Topology: Open Lessons');
    assert.equal(titles['topology.resetLessonProgress'], 'Topology: Reset Lesson Progress');
    assert.equal(titles['topology.newTopologyFile'], 'Topology: New Topology File');
    assert.equal(titles['topology.lintWorkspace'], 'Topology: Lint Workspace');
    for (const id of ['topology.openLesson', 'topology.openTryIt']) assert.ok(COMMANDS.has(id), id);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Topology', c.command);
  });

  it('puts "Open Lessons" and "Show Fabric Diagram" on the title bar of topology editors ("Export Diagram as SVG" on the diagram), and restores the lessons panel after a reload', () => {
    assert.deepEqual(pkg.contributes.menus['editor/title'], [
      { command: 'topology.openLessons', when: 'resourceLangId == topology', group: 'navigation' },
      { command: 'topology.showDiagram', when: 'resourceLangId == topology', group: 'navigation' },
      { command: 'topology.exportDiagramSvg', when: "activeWebviewPanelId == 'topology.diagram'", group: 'navigation' },
    ]);
    assert.equal(pkg.contributes.commands.find((c) => c.command === 'topology.openLessons')?.icon, '$(book)');
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:topology.lessons'), JSON.stringify(pkg.activationEvents));
  });

  it('has the two walkthroughs with one step per lesson and the hands-on steps', () => {
    const byTitle = new Map(pkg.contributes.walkthroughs.map((w) => [w.title, w]));
    assert.deepEqual([...byTitle.keys()].sort(), ['Datacenter Network Topology', 'Virtualization Fundamentals']);
    const lessonSteps = (w: Walkthrough): string[] => w.steps.filter((s) => s.id.startsWith('lesson.')).map((s) => s.id.slice('lesson.'.length));
    assert.deepEqual(lessonSteps(byTitle.get('Virtualization Fundamentals')!), ['ring0-problem', 'hardware-virtualization', 'vm-exits']);
    assert.deepEqual(lessonSteps(byTitle.get('Datacenter Network Topology')!), ['modern-topology', 'spine-leaf-hierarchy', 'three-tier-vs-spine-leaf', 'ecmp']);
    const titles = byTitle.get('Datacenter Network Topology')!.steps.map((s) => s.title);
    for (const t of ['Open a sample fabric', 'Find the oversubscribed leaf', 'Fix the missing spine link']) assert.ok(titles.includes(t), t);
  });

  for (const walkthrough of pkg.contributes.walkthroughs) {
    for (const step of walkthrough.steps) {
      it(`${walkthrough.id} / ${step.id}: media, buttons and completion events are real`, () => {
        assert.ok(step.media.markdown !== undefined, 'markdown media');
        const media = fs.readFileSync(path.join(ROOT, step.media.markdown), 'utf8');
        const lesson = step.id.startsWith('lesson.') ? step.id.slice('lesson.'.length) : undefined;
        if (lesson !== undefined) {
          const summary = parseLesson(fs.readFileSync(path.join(ROOT, 'lessons', `${lesson}.md`), 'utf8')).frontMatter.get('summary');
          assert.ok(summary !== undefined && media.includes(summary), 'the media shows the lesson summary (regenerate media/walkthrough)');
          assert.deepEqual(step.completionEvents, [`onContext:topology.lessonOpened.${lesson}`]);
        }
        const links = commandLinks(step.description);
        assert.ok(links.length >= 1, 'at least one button');
        for (const link of links) {
          assert.ok(COMMANDS.has(link.command), `${link.command} is contributed`);
          if (link.command === 'topology.openLesson') assert.ok(toLessonTarget(link.args[0]) !== undefined, JSON.stringify(link.args));
          if (link.command === 'topology.openTryIt') {
            const arg = link.args[0];
            assert.ok(isKnownLesson(arg) || (isTryItPath(arg) && fs.existsSync(path.join(ROOT, arg))), JSON.stringify(arg));
          }
        }
        for (const event of step.completionEvents ?? []) {
          const m = /^onContext:(.+)$/.exec(event) ?? /^onCommand:(.+)$/.exec(event);
          assert.ok(m !== null, event);
          if (event.startsWith('onContext:')) assert.ok(knownContextKeys().includes(m[1]), `${m[1]} is set by the extension`);
          else assert.ok(COMMANDS.has(m[1]), m[1]);
        }
      });
    }
  }

  it('every lesson with a try-it file points at an existing example', () => {
    for (const lesson of LESSONS) {
      const tryIt = parseLesson(fs.readFileSync(path.join(ROOT, 'lessons', `${lesson.id}.md`), 'utf8')).frontMatter.get('tryIt');
      if (tryIt !== undefined) assert.ok(isTryItPath(tryIt) && fs.existsSync(path.join(ROOT, tryIt)), `${lesson.id}: ${tryIt}`);
    }
  });
});
