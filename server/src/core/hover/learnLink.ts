/** "Learn: <section> — <minutes> min" links to lesson sections. */
import { lessonHref } from '../lessons/lessonLinks';
import { lessonInfo } from '../../../../shared/lessons/catalog';
import type { Learn } from '../lessons/lessonSections';

export function learnLink(lessonsBase: string, learn: Learn): string {
  const minutes = lessonInfo(learn.lesson)?.minutes;
  const label = minutes === undefined ? `Learn: ${learn.title}` : `Learn: ${learn.title} — ${minutes} min`;
  return `[${label}](${lessonHref(lessonsBase, learn)})`;
}
