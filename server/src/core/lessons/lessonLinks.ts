/** Links from findings and hovers to lesson sections. */
import type { LessonLink } from '../rules/catalog';
import { ruleInfo } from '../rules/catalog';

/** `<base>/<lesson>.md#<anchor>`; `base` is a URI of the lessons folder without a trailing slash. */
export function lessonHref(base: string, link: Pick<LessonLink, 'lesson' | 'anchor'>): string {
  return `${base}/${link.lesson}.md#${link.anchor}`;
}

export function ruleLessonHref(base: string, ruleId: string): string | undefined {
  const info = ruleInfo(ruleId);
  return info === undefined ? undefined : lessonHref(base, info.learn);
}
