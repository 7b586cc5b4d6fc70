/**
 * A cohort's peer-mentoring groups, seeded as the people would make them:
 * the joint coordinator forms each group (and, where the programme says so,
 * lets the groups' meetings count toward the package) and invites its
 * members; each member who agrees consents, signed in as themselves; for an
 * open group, the people join it themselves.
 */
import type { SeedActors } from "./actors.js";
import type { DirectoryEntry } from "./node-seeder.js";
import type { PeerGroupSeed } from "./types.js";

const CREATE = `mutation SeedPeerGroup($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { id } }`;
const INVITE = `mutation SeedPeerGroupMember($g: ID!, $p: ID!) { addPeerGroupMember(peerGroupId: $g, participantId: $p) { id } }`;
const JOIN = `mutation SeedPeerGroupConsent($g: ID!, $p: ID!) { joinPeerGroup(peerGroupId: $g, participantId: $p) { id } }`;
const COUNT = `mutation SeedPeerMeetingsCount($p: ID!) { setPeerMeetingsCount(programmeId: $p, count: true) { id } }`;

/** The names of the groups formed. */
export async function seedPeerGroups(
  actors: SeedActors,
  ids: { programmeId: string; cohortId: string },
  seeds: { meetingsCount: boolean; groups: PeerGroupSeed[] },
  personOf: (reference: string) => DirectoryEntry,
): Promise<string[]> {
  const joint = actors.jointCoordinator();
  if (seeds.meetingsCount) await joint(COUNT, { p: ids.programmeId });
  for (const group of seeds.groups) {
    const { createPeerGroup } = await joint<{ createPeerGroup: { id: string } }>(CREATE, {
      input: { cohortId: ids.cohortId, name: group.name, topic: group.topic, mode: group.mode, sizeLimit: group.sizeLimit ?? null },
    });
    for (const reference of group.invited) await joint(INVITE, { g: createPeerGroup.id, p: personOf(reference).id });
    for (const reference of group.consenting) {
      const person = personOf(reference);
      await actors.participant(person.id, person.role)(JOIN, { g: createPeerGroup.id, p: person.id });
    }
  }
  return seeds.groups.map((group) => group.name);
}
