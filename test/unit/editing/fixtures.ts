/** Small fabrics shared by the editing tests. */
import { yaml } from '../helpers';

export const SWITCHES_BLOCK = yaml`
  topology: t
  switches:
    spine1:
      role: spine
      ports:
        - { count: 32, speed: 100G }
    spine2:
      role: spine
      ports:
        - { count: 32, speed: 100G }
    leaf1:
      role: leaf
      ports:
        - { count: 48, speed: 25G }
        - { count: 8, speed: 100G }
    leaf2:
      role: leaf
      ports:
        - { count: 48, speed: 25G }
        - { count: 8, speed: 100G }
`;

/** leaf2 lacks spine2; block-style links. */
export const MISSING_LINK = `${SWITCHES_BLOCK}
servers:
  web:
    count: 8
    nics: { count: 1, speed: 25G }
    leaves: [leaf1, leaf2]
links:
  - between: [leaf1, spine1]
    speed: 100G
  - between: [leaf1, spine2]
    speed: 100G
  - between: [leaf2, spine1]  # the only uplink
    speed: 100G
`;
