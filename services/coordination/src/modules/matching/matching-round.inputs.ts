/**
 * What a round is solved from besides the profiles, read from the
 * coordination store when solving starts: the programme's tracks, the
 * cohort's pins and bans, and the proposals of earlier rounds (declined
 * pairs and those released for a re-match are banned; open and accepted
 * ones stay fixed).
 */
import { In, type DataSource } from "typeorm";
import type { MatchingProfile } from "../../matching/matching-profile.js";
import type { PseudonymPair, RoundInput } from "../../matching/round-input.js";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { ProgrammeTrackEntity } from "../programme/programme-track.entity.js";
import { MAX_OPEN_TANDEMS_PER_MENTOR } from "../tandem/tandem.service.js";
import { MatchingPairRuleEntity } from "./matching-pair-rule.entity.js";
import { HELD_PROPOSAL_STATUSES, MatchingProposalEntity } from "./matching-proposal.entity.js";
import type { MatchingRoundEntity } from "./matching-round.entity.js";

const isHeld = (proposal: Pick<MatchingProposalEntity, "status" | "releasedAt">) => proposal.status !== "DECLINED" && proposal.releasedAt === null;
const pairOf = (row: { menteePseudonym: string; mentorPseudonym: string }): PseudonymPair => ({ menteePseudonym: row.menteePseudonym, mentorPseudonym: row.mentorPseudonym });

export async function roundInputOf(dataSource: DataSource, directory: ConsortiumDirectory, round: MatchingRoundEntity, profiles: MatchingProfile[]): Promise<RoundInput> {
  const cohort = await dataSource.getRepository(CohortEntity).findOneByOrFail({ id: round.cohortId });
  const tracks = await dataSource.getRepository(ProgrammeTrackEntity).find({ where: { programmeId: cohort.programmeId }, order: { position: "ASC" } });
  const rules = await dataSource.getRepository(MatchingPairRuleEntity).find({ where: { cohortId: round.cohortId }, order: { createdAt: "ASC", id: "ASC" } });
  const proposals = await dataSource.getRepository(MatchingProposalEntity).find({
    select: { menteePseudonym: true, mentorPseudonym: true, status: true, releasedAt: true },
    where: { cohortId: round.cohortId, status: In([...HELD_PROPOSAL_STATUSES, "DECLINED"]) },
  });
  return {
    programmeTracks: tracks.map((track) => track.code),
    crossBorderRule: round.crossBorderRule,
    nodeCountries: Object.fromEntries(directory.nodes.map((node) => [node.id, node.country])),
    weights: round.weights,
    maxMentorLoad: MAX_OPEN_TANDEMS_PER_MENTOR,
    profiles,
    pins: rules.filter((rule) => rule.kind === "PIN").map(pairOf),
    bans: rules.filter((rule) => rule.kind === "BAN").map(pairOf),
    declined: proposals.filter((proposal) => !isHeld(proposal)).map(pairOf),
    held: proposals.filter(isHeld).map(pairOf),
  };
}
