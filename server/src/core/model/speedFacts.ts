/**
 * The Ethernet speeds a fabric uses, with their electrical lanes and what they are typically used
 * for: one table, read by the speed hovers, completion and the link-speeds lesson (which the lesson
 * lint checks against it). Lane facts from the IEEE 802.3 amendments named in each row.
 */
import { formatNumber } from './number';

export interface SpeedFact {
  /** As the schema writes it: `40G`, `1.6T`. */
  text: string;
  gbps: number;
  /** How the rate is built from SerDes lanes, with the amendment that defines it. */
  lanes: string;
  /** The usual pluggable form factor. */
  formFactor: string;
  /** Where it is typically used in a fabric. */
  use: string;
}

export const SPEED_FACTS: readonly SpeedFact[] = [
  { text: '10G', gbps: 10, lanes: '1 × 10G NRZ (IEEE 802.3ae)', formFactor: 'SFP+', use: 'older server NICs and management; being replaced by 25G' },
  { text: '25G', gbps: 25, lanes: '1 × 25G NRZ (IEEE 802.3by)', formFactor: 'SFP28', use: 'the common server NIC today' },
  {
    text: '40G',
    gbps: 40,
    lanes: '4 × 10G NRZ (IEEE 802.3ba)',
    formFactor: 'QSFP+',
    use: 'the classic leaf uplink and spine port of 2011–2016 fabrics, still common in brownfield',
  },
  {
    text: '50G',
    gbps: 50,
    lanes: '1 × 50G PAM4 (IEEE 802.3cd), or 2 × 25G NRZ (25G/50G Ethernet Consortium)',
    formFactor: 'SFP56 or QSFP28',
    use: 'server NICs',
  },
  {
    text: '100G',
    gbps: 100,
    lanes: '4 × 25G NRZ (IEEE 802.3bm/802.3by), 2 × 50G PAM4 (802.3cd) or 1 × 100G PAM4 (802.3cu/802.3ck)',
    formFactor: 'QSFP28',
    use: 'leaf uplinks and fast server NICs',
  },
  { text: '200G', gbps: 200, lanes: '4 × 50G PAM4 (IEEE 802.3bs/802.3cd) or 2 × 100G PAM4 (802.3ck)', formFactor: 'QSFP56', use: 'leaf uplinks and AI/storage server NICs' },
  {
    text: '400G',
    gbps: 400,
    lanes: '8 × 50G PAM4 (IEEE 802.3bs) or 4 × 100G PAM4 (802.3ck/802.3db)',
    formFactor: 'QSFP-DD or OSFP',
    use: 'spine ports and leaf uplinks in large fabrics, often broken out as 4 × 100G',
  },
  {
    text: '800G',
    gbps: 800,
    lanes: '8 × 100G PAM4 (IEEE 802.3df)',
    formFactor: 'OSFP or QSFP-DD800',
    use: 'spine and super-spine ports of the largest and AI fabrics, often broken out as 2 × 400G',
  },
  { text: '1.6T', gbps: 1600, lanes: '8 × 200G PAM4 (IEEE 802.3dj)', formFactor: 'OSFP-XD or OSFP1600', use: 'the newest spine ports of AI fabrics' },
];

const byGbps = new Map(SPEED_FACTS.map((f) => [f.gbps, f]));

/** The table row for exactly this speed. */
export function speedFact(gbps: number): SpeedFact | undefined {
  return byGbps.get(gbps);
}

/** Where a speed is typically used: the row for it, or the nearest slower standard speed. */
export function speedUse(gbps: number): string {
  const exact = byGbps.get(gbps);
  if (exact !== undefined) return exact.use;
  if (gbps < 10) return 'management networks and legacy servers';
  let below: SpeedFact = SPEED_FACTS[0];
  for (const f of SPEED_FACTS) if (f.gbps <= gbps) below = f;
  return `not a standard Ethernet rate; between ${below.text} (${below.use}) and the next standard speed`;
}

/** A speed in Gbps as the schema writes it: `100G`, `1.6T`, `1T`, `100M`. */
export function speedText(gbps: number): string {
  if (gbps >= 1000) {
    const t = formatNumber(gbps / 1000, 3);
    if (Number(t) * 1000 === gbps) return `${t}T`;
  }
  if (gbps >= 1 || gbps === 0) return `${formatNumber(gbps, 3)}G`;
  return `${formatNumber(gbps * 1000, 3)}M`;
}
