/** The commented template of "Topology: New Topology File" (format 1.1). Pure. */
export const NEW_TOPOLOGY_TEMPLATE = `# A topology file, format 1.1. The linter checks it as you type; hover any key to learn
# what it means. Full reference: "Topology: Open Lessons" → "Reference: the topology file".
#
# The wiring rule of a spine-leaf fabric: every leaf links to every spine, servers attach
# to leaves, and nothing links within a tier.

topology: my-fabric                 # fabric name
description: Two spines, two leaves, two server groups.

design:
  max_oversubscription: 3           # highest leaf downlink:uplink ratio allowed (3 means 3:1)
  min_spines: 2                     # fewest spines, so one can fail

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
      - { count: 48, speed: 25G, for: servers }   # faces the servers
      - { count: 8, speed: 100G, for: fabric }    # uplinks to the spines
  leaf2:
    role: leaf
    ports:
      - { count: 48, speed: 25G, for: servers }
      - { count: 8, speed: 100G, for: fabric }
  # A device outside the fabric (firewall, WAN/DCI router): its links make leaves border leaves.
  # fw1:
  #   role: external
  #   model: "edge firewall"

servers:
  web:
    count: 16                       # 16 servers x 1 NIC x 25G = 400G down on leaf1
    nics: { count: 1, speed: 25G }
    leaves: [leaf1]
  db:
    count: 16
    nics: { count: 1, speed: 25G }
    leaves: [leaf2]

links:                              # each leaf: 2 x 100G up = 200G, so 400G / 200G = 2:1
  - between: [leaf1, spine1]
    speed: 100G
  - between: [leaf1, spine2]
    speed: 100G
  - between: [leaf2, spine1]
    speed: 100G
  - between: [leaf2, spine2]
    speed: 100G
  # An MLAG/vPC pair: kind: peer is never an uplink nor a tier violation.
  # - { between: [leaf1, leaf2], speed: 100G, count: 2, kind: peer }
  # North-south: home an external on two leaves.
  # - { between: [leaf1, fw1], speed: 100G }
  # - { between: [leaf2, fw1], speed: 100G }
`;
