/**
 * Certificates of a cohort that closed (issue 15): each person's home node
 * issues them, once the office's word that their tandem ended reached it:
 * mentees their mentoring certificate, mentors (once, whatever the number of
 * their mentees) their participation certificate. One mentee's is revoked
 * with a reason, as a coordinator would after a mistake. A person whose
 * completion rules stay open gets none (their node refuses, naming them).
 * A mentee's home node holds the pair's log; a mentor's counts meetings from
 * the tallies the mentee's node signs, delivered as facts: so a mentor's
 * open rules are asked again until those arrived, a mentee's are final.
 */
import type { SeedActors } from "./actors.js";
import type { SeedTandem } from "./tandem-journey.js";
import type { DirectoryEntry } from "./node-seeder.js";
import { FACT_WAIT_MS, refusalCode, until } from "./waiting.js";

const ISSUE = `mutation SeedCertificate($participantId: ID!, $cohortId: ID!) { issueCertificate(participantId: $participantId, cohortId: $cohortId) { id verificationUrl } }`;
const REVOKE = `mutation SeedRevocation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { revokedAt } }`;

/** The programme's rules not told to the node yet. */
const RULES_NOT_SET = "RULES_NOT_SET";
export const SEED_REVOCATION_REASON = "Issued before the closing event's attendance was corrected; a new certificate follows the correction";

export interface CertificateOutcome {
  cohort: string;
  mentees: number;
  mentors: number;
  /** Whose certificate was revoked (display name), and why. */
  revoked: { holder: string; reason: string } | null;
  /** A valid certificate's public verification page (the QR code's target). */
  verificationUrl: string | null;
  /** People whose completion rules stay open: no certificate. */
  withheld: string[];
}

type Issued = { id: string; verificationUrl: string };
type Attempt = { issued: Issued } | { open: string[] };

export async function seedCertificates(actors: SeedActors, cohort: { id: string; name: string }, tandems: readonly SeedTandem[]): Promise<CertificateOutcome> {
  const outcome: CertificateOutcome = { cohort: cohort.name, mentees: 0, mentors: 0, revoked: null, verificationUrl: null, withheld: [] };
  const mentors = [...new Map(tandems.map((tandem) => [tandem.mentor.id, tandem.mentor])).values()];
  const menteeCertificates: { person: DirectoryEntry; issued: Issued }[] = [];
  for (const person of [...tandems.map((tandem) => tandem.mentee), ...mentors]) {
    const attempt = await issueOnceTold(actors, cohort.id, person, (open) => open.includes(RULES_NOT_SET) || (person.role === "MENTOR" && open.length > 0));
    if ("open" in attempt) {
      outcome.withheld.push(`${person.displayName} (${attempt.open.join(", ")})`);
      continue;
    }
    if (person.role === "MENTEE") {
      outcome.mentees++;
      menteeCertificates.push({ person, issued: attempt.issued });
    } else outcome.mentors++;
  }
  const revoked = menteeCertificates.at(-1);
  if (revoked && menteeCertificates.length > 1) {
    await actors.coordinator(nodeOf(revoked.person))(REVOKE, { id: revoked.issued.id, reason: SEED_REVOCATION_REASON });
    outcome.revoked = { holder: revoked.person.displayName, reason: SEED_REVOCATION_REASON };
  }
  outcome.verificationUrl = menteeCertificates[0]?.issued.verificationUrl ?? null;
  return outcome;
}

/** Issues as the person's home node's coordinator, asking again while `waiting` holds for the open rules (facts still on their way); what stays open after that is the person's. */
async function issueOnceTold(actors: SeedActors, cohortId: string, person: DirectoryEntry, waiting: (open: string[]) => boolean): Promise<Attempt> {
  let last: Attempt = { open: [] };
  const attempt = async (): Promise<Attempt> => {
    try {
      const { issueCertificate } = await actors.coordinator(nodeOf(person))<{ issueCertificate: Issued }>(ISSUE, { participantId: person.id, cohortId });
      return (last = { issued: issueCertificate });
    } catch (error) {
      if (refusalCode(error) !== "COMPLETION_OPEN") throw error;
      const open = ((error as { errors: { extensions?: { openRules?: { code: string }[] } }[] }).errors[0]?.extensions?.openRules ?? []).map((rule) => rule.code);
      return (last = { open });
    }
  };
  try {
    return await until(`${nodeOf(person)} to learn what ${person.displayName} completed`, attempt, (result) => "issued" in result || !waiting(result.open), FACT_WAIT_MS / 3);
  } catch (error) {
    if ("open" in last && last.open.length > 0 && !last.open.includes(RULES_NOT_SET)) return last;
    throw error;
  }
}

function nodeOf(person: DirectoryEntry): string {
  return person.id.split(":")[0]!;
}
