/**
 * The one schema rule JSON Schema cannot state: a breakout's ways × speed must equal the port's
 * speed (`breakout: 4x100G` on 400G ports). A mismatch is a `schema` error at the `breakout` value,
 * with the arithmetic; the model then counts the group as if it had no breakout, so the same
 * mistake gives no second finding.
 */
import type { Finding } from '../findings';
import type { LineIndex } from '../text/lineIndex';
import type { YamlNode } from '../yaml/yamlTree';
import { asMap, asSeqItems, getPair, keyName, stringValue } from '../yaml/treeQueries';
import { parseSpeed } from '../model/speed';
import { breakoutMatches, parseBreakout } from '../model/breakout';
import { formatGbps } from '../model/bandwidth';
import { speedText } from '../model/speedFacts';
import { quote } from '../text/quote';

export function checkBreakouts(root: YamlNode | undefined, lines: LineIndex): Finding[] {
  const findings: Finding[] = [];
  const rootMap = asMap(root);
  const switches = rootMap === undefined ? undefined : asMap(getPair(rootMap, 'switches')?.value);
  if (switches === undefined) return findings;
  for (const pair of switches.pairs) {
    const sw = asMap(pair.value);
    const ports = (sw === undefined ? undefined : asSeqItems(getPair(sw, 'ports')?.value)) ?? [];
    ports.forEach((item, index) => {
      const group = asMap(item);
      if (group === undefined) return;
      const breakoutNode = getPair(group, 'breakout')?.value;
      const split = parseBreakout(stringValue(breakoutNode));
      const speed = parseSpeed(stringValue(getPair(group, 'speed')?.value));
      if (breakoutNode === undefined || split === undefined || speed === undefined || breakoutMatches(split, speed)) return;
      const total = split.ways * split.speedGbps;
      const fit = speed / split.ways;
      const hint = parseSpeed(speedText(fit)) === fit ? ` For ${formatGbps(speed)} ports, ${split.ways}-way is ${split.ways}x${speedText(fit)}.` : '';
      findings.push({
        rule: 'schema',
        severity: 'error',
        message: `\`breakout\` of port group ${index + 1} of switch ${quote(keyName(pair.key))}: ${split.ways} × ${formatGbps(split.speedGbps)} = ${formatGbps(total)}, but these ports are ${formatGbps(speed)}. A breakout splits each port into ports whose speeds add up to its own; the group is counted as ${formatGbps(speed)} ports until it is fixed.${hint}`,
        range: lines.range(breakoutNode.start, breakoutNode.end),
        subject: { switches: [keyName(pair.key)] },
      });
    });
  }
  return findings;
}
