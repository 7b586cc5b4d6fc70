/**
 * Who can sign in to the demo: each node's coordinator, the joint
 * coordinator and the seeded participants. Written by the seeder into the
 * data directory; read by `npm run token`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Role, tryParseGlobalId } from "@tandem/shared";

export interface DemoParticipant {
  id: string;
  role: "MENTEE" | "MENTOR" | "ALUMNUS";
  displayName: string;
  /** Unique per node; `npm run token -- --as <e-mail>` finds the person by it. */
  email: string;
}

export interface DemoUsers {
  consortium: string;
  jointCoordinator: string;
  nodes: Record<string, { coordinator: string; participants: DemoParticipant[] }>;
}

export const coordinatorOf = (nodeId: string) => `${nodeId}:staff:coordinator`;
export const jointCoordinatorOf = (coordinationId: string) => `${coordinationId}:staff:joint-coordinator`;

export function readDemoUsers(file: string): DemoUsers | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoUsers) : null;
}

export function writeDemoUsers(file: string, users: DemoUsers): void {
  writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`);
}

export interface TokenSubject {
  issuer: string;
  sub: string;
  roles: Role[];
  name: string;
}

export function resolveSubject(who: string, node: string | undefined, users: DemoUsers, coordinationId: string): TokenSubject {
  if (who === "joint-coordinator") return { issuer: coordinationId, sub: users.jointCoordinator, roles: [Role.JOINT_COORDINATOR], name: "Joint coordinator" };
  const asId = tryParseGlobalId(who);
  if (asId) {
    const person = users.nodes[asId.node]?.participants.find((participant) => participant.id === who);
    if (!person) throw new Error(`${who} is not a seeded participant of this demo`);
    return participantSubject(asId.node, person);
  }
  if (who.includes("@")) return subjectByEmail(who, node, users);
  if (!node) throw new Error(`--node is needed with --as ${who}`);
  const atNode = users.nodes[node];
  if (!atNode) throw new Error(`no node "${node}" in this demo (${Object.keys(users.nodes).join(", ")})`);
  if (who === "coordinator") return { issuer: node, sub: atNode.coordinator, roles: [Role.NODE_COORDINATOR], name: `Coordinator of ${node}` };
  const role = who.toUpperCase();
  const person = atNode.participants.find((participant) => participant.role === role);
  if (!person) throw new Error(`--as must be coordinator, mentee, mentor, alumnus, joint-coordinator or a participant id; ${node} has no seeded ${who}`);
  return { issuer: node, sub: person.id, roles: [who as Role], name: person.displayName };
}

/** The seeded participant with this e-mail (at `node`, when given: e-mails are unique per node only). */
function subjectByEmail(email: string, node: string | undefined, users: DemoUsers): TokenSubject {
  const matches = Object.entries(users.nodes)
    .filter(([nodeId]) => node === undefined || nodeId === node)
    .flatMap(([nodeId, { participants }]) => participants.filter((participant) => participant.email.toLowerCase() === email.toLowerCase()).map((person) => ({ nodeId, person })));
  if (matches.length === 0) throw new Error(`no seeded participant has the e-mail ${email}${node ? ` at ${node}` : ""}`);
  if (matches.length > 1) throw new Error(`${email} is a participant of ${matches.map((match) => match.nodeId).join(" and ")}: add --node`);
  return participantSubject(matches[0]!.nodeId, matches[0]!.person);
}

function participantSubject(nodeId: string, person: DemoParticipant): TokenSubject {
  return { issuer: nodeId, sub: person.id, roles: [person.role.toLowerCase() as Role], name: person.displayName };
}
