/** What coordination tells the change feed about a matching round, inside the transaction of the change: ids only (status and progress are read from the round). */
import type { EntityManager } from "typeorm";
import { matchingRoundTopic, type MatchingRoundChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { ROUND_KIND } from "./matching.ids.js";

/** Publishes one change of a round, in `manager`'s transaction. */
export type RoundChangePublisher = (manager: EntityManager, kind: MatchingRoundChangeKind) => Promise<void>;

/** On `matching-round:<roundId>`, naming the round and its cohort. */
export function publishRoundChange(manager: EntityManager, directory: ConsortiumDirectory, kind: MatchingRoundChangeKind, round: { id: string; cohortId: string }): Promise<void> {
  const roundId = directory.globalId(ROUND_KIND, round.id);
  return publishChange(manager, { topics: [matchingRoundTopic(roundId)], kind, refs: { roundId, cohortId: directory.globalId(COHORT_KIND, round.cohortId) } });
}

/** A round's publisher, for the steps of its run. */
export function roundChangePublisher(directory: ConsortiumDirectory, round: { id: string; cohortId: string }): RoundChangePublisher {
  return (manager, kind) => publishRoundChange(manager, directory, kind, round);
}
