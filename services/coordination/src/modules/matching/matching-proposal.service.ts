/**
 * Answers to proposals, by the participants themselves. The office does not
 * know who stands behind a pseudonym: a participant proves it with their
 * home node's matching-pseudonym proof (signed by that node, for this
 * cohort, naming the pseudonym), and the proof's participant must be the
 * caller. A decline ends the proposal (the pair is banned in later rounds);
 * the second acceptance creates the tandem from the proven participant
 * ids, enrolling them first when needed, in the same transaction.
 */
import type { DataSource } from "typeorm";
import { AppError, ErrorCode, verifyMatchingPseudonymProof, type MatchingPseudonymProof } from "@tandem/shared";
import { inTransaction, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { lockCohort } from "../cohort/cohort.service.js";
import { assertCohortAllows } from "../cohort/cohort-state.rules.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { EnrolmentService } from "../enrolment/enrolment.service.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import type { TandemEntity } from "../tandem/tandem.entity.js";
import type { TandemService } from "../tandem/tandem.service.js";
import { MatchingProposalEntity, type ProposalStatus } from "./matching-proposal.entity.js";
import { PROPOSAL_KIND } from "./matching.ids.js";

export type ProposalSide = "mentee" | "mentor";

/** What the proof establishes about the caller, for the respond-to-proposal rule. */
export interface ResponderClaim {
  participantId: string;
  /** The side of the proposal whose pseudonym (and home node) the proof names; null for none. */
  side: ProposalSide | null;
}

export interface ProposalAnswer {
  proposalId: string;
  accept: boolean;
  pseudonymProof: string;
}

export interface AnsweredProposal {
  proposal: MatchingProposalEntity;
  /** Created by this answer (the second acceptance). */
  tandem: TandemEntity | null;
}

const PROOF_FIELD = "pseudonymProof";

/** The side of a proposal a proof names: the pseudonym and its home node (the proof's signer) must both match. */
export function sideOf(proposal: MatchingProposalEntity, proof: MatchingPseudonymProof): ProposalSide | null {
  if (proposal.menteePseudonym === proof.pseudonym && proposal.menteeNodeId === proof.issuer) return "mentee";
  if (proposal.mentorPseudonym === proof.pseudonym && proposal.mentorNodeId === proof.issuer) return "mentor";
  return null;
}

export class MatchingProposalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly enrolments: EnrolmentService,
    private readonly tandems: TandemService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Verifies a participant's proof for a cohort (local id): signed by their home node, for this cohort. */
  async proven(token: string, cohortLocalId: string): Promise<MatchingPseudonymProof> {
    const proof = await verifyMatchingPseudonymProof(token, this.directory.registry, PROOF_FIELD);
    if (proof.cohortId !== this.directory.globalId(COHORT_KIND, cohortLocalId)) {
      throw new AppError(ErrorCode.INVALID_PROOF, `${PROOF_FIELD}: the proof is for another cohort`, { field: PROOF_FIELD });
    }
    return proof;
  }

  /** The proposals of a cohort naming the proven pseudonym, newest first, after `guard` accepted the proof's participant as the caller. */
  async mine(cohortId: string, token: string, guard: (participantId: string) => void): Promise<MatchingProposalEntity[]> {
    const cohortLocalId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    const proof = await this.proven(token, cohortLocalId);
    guard(proof.participantId);
    return repositoryOf(this.dataSource, MatchingProposalEntity).find({
      where: [
        { cohortId: cohortLocalId, menteePseudonym: proof.pseudonym, menteeNodeId: proof.issuer },
        { cohortId: cohortLocalId, mentorPseudonym: proof.pseudonym, mentorNodeId: proof.issuer },
      ],
      order: { createdAt: "DESC", id: "DESC" },
    });
  }

  /**
   * Records an answer. The same answer again changes nothing; a participant
   * who accepted may still decline while the other has not answered; once
   * the proposal is ACCEPTED or DECLINED, another answer is INVALID_TRANSITION.
   */
  async respond(answer: ProposalAnswer, guard: (claim: ResponderClaim) => void): Promise<AnsweredProposal> {
    const localId = this.directory.parseLocal(answer.proposalId, PROPOSAL_KIND, "proposalId");
    const repository = repositoryOf(this.dataSource, MatchingProposalEntity);
    const found = await repository.findOneBy({ id: localId });
    if (!found) throw new AppError(ErrorCode.NOT_FOUND, `proposalId: no proposal ${answer.proposalId}`, { field: "proposalId" });
    const proof = await this.proven(answer.pseudonymProof, found.cohortId);
    const side = sideOf(found, proof);
    guard({ participantId: proof.participantId, side });
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, found.cohortId, "proposalId");
      const proposals = manager.getRepository(MatchingProposalEntity);
      const proposal = await proposals.findOneOrFail({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      const known = proposal[`${side!}ParticipantId`];
      if (known && known !== proof.participantId) {
        throw new AppError(ErrorCode.FORBIDDEN, `proposalId: another participant answered as the ${side} of this proposal`, { field: "proposalId", rule: "respond-to-proposal" });
      }
      const response = answer.accept ? "ACCEPTED" : "DECLINED";
      if (proposal[`${side!}Response`] === response) return { proposal, tandem: null };
      if (proposal.status === "ACCEPTED" || proposal.status === "DECLINED") throw invalidTransition(proposal.status, response);
      if (answer.accept) assertCohortAllows(cohort, "respondToProposal", "proposalId");
      proposal[`${side!}Response`] = response;
      proposal[`${side!}RespondedAt`] = this.now();
      if (!answer.accept) {
        Object.assign(proposal, { status: "DECLINED", menteeParticipantId: null, mentorParticipantId: null });
        return { proposal: await proposals.save(proposal), tandem: null };
      }
      proposal[`${side!}ParticipantId`] = proof.participantId;
      const other = side === "mentee" ? proposal.mentorResponse : proposal.menteeResponse;
      if (other !== "ACCEPTED") {
        proposal.status = side === "mentee" ? "ACCEPTED_BY_MENTEE" : "ACCEPTED_BY_MENTOR";
        return { proposal: await proposals.save(proposal), tandem: null };
      }
      const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
      const menteeId = proposal.menteeParticipantId!;
      const mentorId = proposal.mentorParticipantId!;
      await this.enrolments.ensureEnrolled(manager, cohort, programme, { participantId: menteeId, role: "MENTEE", track: proposal.trackCode }, "proposalId", "the mentee");
      await this.enrolments.ensureEnrolled(manager, cohort, programme, { participantId: mentorId, role: "MENTOR", track: proposal.trackCode }, "proposalId", "the mentor");
      const tandem = await this.tandems.createAccepted(
        manager,
        { cohortId: cohort.id, menteeId, mentorId, menteeRespondedAt: proposal.menteeRespondedAt!, mentorRespondedAt: proposal.mentorRespondedAt! },
        "proposalId",
      );
      Object.assign(proposal, { status: "ACCEPTED", tandemId: tandem.id });
      return { proposal: await proposals.save(proposal), tandem };
    });
  }
}

function invalidTransition(from: ProposalStatus, response: string): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, `proposalId: the proposal is ${from}; it takes no ${response === "ACCEPTED" ? "acceptance" : "decline"} any more`, {
    field: "proposalId",
    from,
    to: response,
  });
}
