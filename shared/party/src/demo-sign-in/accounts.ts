/**
 * Who may sign in at a party's demo provider: read from the demo's users file
 * (written by the seeder, after the parties start), at each sign-in.
 */
import { existsSync, readFileSync } from "node:fs";
import { Role } from "@tandem/shared";

export interface DemoAccount {
  id: string;
  name: string;
  roles: Role[];
  /** Shown beside the name on the sign-in page, e.g. the e-mail. */
  detail: string;
}

interface DemoUsersFile {
  jointCoordinator: string;
  nodes: Record<string, { coordinator: string; participants: { id: string; role: string; displayName: string; email: string }[] }>;
}

export type DemoParty = { kind: "node"; id: string; name: string } | { kind: "coordination"; id: string; name: string };

export function demoAccountsOf(file: string, party: DemoParty): DemoAccount[] {
  if (!existsSync(file)) return [];
  const users = JSON.parse(readFileSync(file, "utf8")) as DemoUsersFile;
  if (party.kind === "coordination") return [{ id: users.jointCoordinator, name: "Joint coordinator", roles: [Role.JOINT_COORDINATOR], detail: party.name }];
  const node = users.nodes[party.id];
  if (!node) return [];
  return [
    { id: node.coordinator, name: `Coordinator of ${party.name}`, roles: [Role.NODE_COORDINATOR], detail: "node coordinator" },
    ...node.participants.map((person) => ({ id: person.id, name: person.displayName, roles: [person.role.toLowerCase() as Role], detail: `${person.role.toLowerCase()} · ${person.email}` })),
  ];
}
