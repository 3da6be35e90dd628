/**
 * Links from findings and hovers to lesson sections. The link format itself (build and parse) is
 * shared/lessons/lessonLinks.ts; this module adds what only the core knows: each rule's section.
 */
import { lessonHref } from '../../../../shared/lessons/lessonLinks';
import { ruleInfo } from '../rules/catalog';

export { lessonHref };

export function ruleLessonHref(base: string, ruleId: string): string | undefined {
  const info = ruleInfo(ruleId);
  return info === undefined ? undefined : lessonHref(base, info.learn);
}
