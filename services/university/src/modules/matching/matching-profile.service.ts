/**
 * Matching profiles of this node's consenting participants, and the way back
 * from a pseudonym to a person, which never leaves the node. Pseudonyms are
 * derived on demand (never stored), so a cohort's profiles are ordered in
 * memory: one query for the consenting ids, one for the rows of a page.
 */
import { In, type DataSource, type Repository } from "typeorm";
import { AppError, ErrorCode, compareSortKeys, type SortKey } from "@tandem/shared";
import { emptyConnection, itemsAfter, pageRequest, toPage, type Page } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { ConflictTokens } from "./conflict-tokens.js";
import type { MatchingConsentService } from "./matching-consent.service.js";
import type { MatchingProfilesArgs } from "./matching.args.js";
import type { MatchingPseudonymProofSigner } from "./matching-pseudonym-proof.js";
import { PSEUDONYM_PATTERN } from "@tandem/shared";
import type { MatchingPseudonyms } from "./matching-pseudonyms.js";
import type { MatchingProfile, MatchingPseudonym, PseudonymIdentity } from "./matching.type.js";

interface Pseudonymised {
  localId: string;
  pseudonym: string;
}

export interface MatchingProfilePage extends Page<MatchingProfile> {
  /** Global ids of the participants on the page, for the audit trail only. */
  participantIds: string[];
}

export class MatchingProfileService {
  private readonly participants: Repository<ParticipantEntity>;

  constructor(
    dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly consents: MatchingConsentService,
    private readonly pseudonyms: MatchingPseudonyms,
    private readonly conflictTokens: ConflictTokens,
    private readonly proofs: MatchingPseudonymProofSigner,
  ) {
    this.participants = dataSource.getRepository(ParticipantEntity);
  }

  /**
   * Profiles of the participants who consented for the cohort, by pseudonym.
   * The cursor key `[pseudonym, node id]` is the consortium-wide order the
   * gateway merges by.
   */
  async list(args: MatchingProfilesArgs): Promise<MatchingProfilePage> {
    const cohortId = this.directory.parseCohortId(args.cohortId);
    const request = pageRequest("matchingProfiles", args, (key) => this.parseKey(key));
    if (args.nodes && !args.nodes.includes(this.directory.self.id)) return { ...emptyConnection(), participantIds: [] };
    const all = await this.pseudonymised(cohortId);
    const page = itemsAfter(all, request, (entry) => this.sortKey(entry.pseudonym));
    const rows = new Map((await this.participants.findBy({ id: In(page.map((entry) => entry.localId)) })).map((row) => [row.id, row]));
    const profiles = page.flatMap((entry) => {
      const row = rows.get(entry.localId);
      return row ? [this.profile(row, entry.pseudonym, cohortId)] : [];
    });
    const result = toPage(profiles, request, (profile) => this.sortKey(profile.pseudonym), all.length);
    const onPage = new Set(result.edges.map((edge) => edge.node.pseudonym));
    return {
      ...result,
      participantIds: page.filter((entry) => onPage.has(entry.pseudonym)).map((entry) => this.directory.globalId(PARTICIPANT_KIND, entry.localId)),
    };
  }

  /** Who the given pseudonyms of a cohort stand for, in the order asked; unknown ones (or withdrawn consents) are absent. */
  async reidentify(cohortId: string, pseudonyms: readonly string[]): Promise<PseudonymIdentity[]> {
    this.directory.parseCohortId(cohortId);
    const byPseudonym = new Map((await this.pseudonymised(cohortId)).map((entry) => [entry.pseudonym, entry.localId]));
    return [...new Set(pseudonyms)].flatMap((pseudonym) => {
      const localId = byPseudonym.get(pseudonym);
      return localId ? [{ pseudonym, participantId: this.directory.globalId(PARTICIPANT_KIND, localId) }] : [];
    });
  }

  /** A participant's own pseudonym for a cohort with this node's signed proof; only after they consented. */
  async own(participantId: string, cohortId: string): Promise<MatchingPseudonym> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    if (!(await this.consents.find(localId, cohortId))) {
      throw new AppError(ErrorCode.CONSENT_REQUIRED, "cohortId: no consent to joint matching for this cohort; give it first (consentToMatching)", { field: "cohortId" });
    }
    const pseudonym = this.pseudonyms.of(cohortId, participantId);
    return { pseudonym, proof: await this.proofs.sign({ cohortId, pseudonym, participantId }) };
  }

  /** Every consenting participant of the cohort with their pseudonym, in pseudonym order. */
  private async pseudonymised(cohortId: string): Promise<Pseudonymised[]> {
    const ids = await this.consents.consenting(cohortId);
    const entries = ids.map((localId) => ({ localId, pseudonym: this.pseudonyms.of(cohortId, this.directory.globalId(PARTICIPANT_KIND, localId)) }));
    return entries.sort((a, b) => compareSortKeys(this.sortKey(a.pseudonym), this.sortKey(b.pseudonym)));
  }

  private sortKey(pseudonym: string): SortKey {
    return [pseudonym, this.directory.self.id];
  }

  /** A cursor's key `[pseudonym, node id]`, or null when it is none. */
  private parseKey(key: SortKey): SortKey | null {
    const [pseudonym, node, ...rest] = key;
    return typeof pseudonym === "string" && PSEUDONYM_PATTERN.test(pseudonym) && typeof node === "string" && rest.length === 0 ? key : null;
  }

  /** The profile: coded fields and tokens only, by construction. */
  private profile(row: ParticipantEntity, pseudonym: string, cohortId: string): MatchingProfile {
    return {
      pseudonym,
      nodeId: this.directory.self.id,
      role: row.role,
      tracks: row.tracks,
      disciplineCode: row.disciplineCode,
      goalCodes: row.goalCodes,
      languages: row.languages,
      degreeLevel: row.degreeLevel,
      meetingFormat: row.meetingFormat,
      region: row.region,
      availabilityHoursPerMonth: row.availabilityHoursPerMonth,
      mentorCapacity: row.mentorCapacity,
      experienceYears: row.experienceYears,
      conflictTokens: this.conflictTokens.of(cohortId, row),
    };
  }
}
