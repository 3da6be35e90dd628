/**
 * Hover text: short lessons on keys and values, what a speed is used for, and a switch's or
 * server group's computed figures. Pure: text and offsets in, Markdown out.
 */
import type { LintResult } from '../lint';
import type { Range } from '../text/lineIndex';
import { locate, schemaPath } from '../yaml/locate';
import type { Located } from '../yaml/locate';
import { KEY_DOCS, VALUE_DOCS, speedUse } from './keyDocs';
import type { KeyDoc } from './keyDocs';
import { learnLink } from './learnLink';
import { SECTIONS } from '../lessons/lessonSections';
import { parseSpeed } from '../model/speed';
import { speedFact } from '../model/speedFacts';
import { entityHover } from './entityHover';
import { isLabResult } from '../interop/containerlab/lintLab';
import { labHoverAt } from '../interop/containerlab/labHover';

export interface HoverResult {
  markdown: string;
  range: Range;
}

function docMarkdown(doc: KeyDoc, lessonsBase: string): string {
  return `${doc.text}\n\n${learnLink(lessonsBase, doc.learn)}`;
}

const SPEED_PATHS = new Set(['switches.*.ports.*.speed', 'servers.*.nics.speed', 'links.*.speed']);

function valueHover(located: Located, path: string, lessonsBase: string): string | undefined {
  const node = located.node;
  if (node.kind !== 'scalar') return undefined;
  const valueDoc = VALUE_DOCS.get(`${path}=${node.text}`);
  if (valueDoc !== undefined) return docMarkdown(valueDoc, lessonsBase);
  if (SPEED_PATHS.has(path)) {
    const gbps = parseSpeed(node.text);
    if (gbps === undefined) return undefined;
    const fact = speedFact(gbps);
    const lanes = fact === undefined ? '' : ` ${fact.lanes}; ${fact.formFactor} optics or cables.`;
    return `**${node.text}** — typically ${speedUse(gbps)}.${lanes}\n\n${learnLink(lessonsBase, SECTIONS.speeds)}`;
  }
  return undefined;
}

/** The hover at `offset` of a linted document, or undefined. */
export function hoverAt(result: LintResult, offset: number, lessonsBase: string): HoverResult | undefined {
  // A containerlab topology has its own hovers (node figures, label docs), none of the format's keys.
  if (isLabResult(result)) return labHoverAt(result, offset, lessonsBase);
  const located = locate(result.parsed.root, offset);
  if (located === undefined) return undefined;
  const range = result.lines.range(located.node.start, located.node.end);
  const path = schemaPath(located.path);

  const entity = entityHover(result, located, lessonsBase, offset);
  if (entity !== undefined) return { markdown: entity, range };

  if (located.isKey) {
    const doc = KEY_DOCS.get(path);
    return doc === undefined ? undefined : { markdown: docMarkdown(doc, lessonsBase), range };
  }
  const value = valueHover(located, path, lessonsBase);
  return value === undefined ? undefined : { markdown: value, range };
}
