/**
 * What the partners' home nodes learn of a tandem, as facts signed by the
 * coordination office (DESIGN.md §9) and delivered by the gateway: that both
 * accepted it (each node then lets its participant's partner see their
 * contact details) and that it ended (the nodes stop). One fact per home
 * node, written in the transaction of the change.
 */
import type { EntityManager } from "typeorm";
import { ProofType, homeNodeOf, signProof, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { TandemEntity } from "./tandem.entity.js";
import { TANDEM_KIND } from "./tandem.type.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { checkInsDue, utcDay } from "../checkin/check-in-schedule.js";

export class TandemFacts {
  constructor(
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
  ) {}

  /**
   * The acceptance both partners' nodes record grants from (the same proof
   * partners may still record by hand), dated when the second accepted, so
   * that the same tandem always gives the same proof.
   */
  acceptanceProof(tandem: { tandemId: string; menteeId: string; mentorId: string; menteeRespondedAt: Date | null; mentorRespondedAt: Date | null }): Promise<string> {
    const acceptedAt = new Date(Math.max(tandem.menteeRespondedAt?.getTime() ?? 0, tandem.mentorRespondedAt?.getTime() ?? 0));
    return signProof(this.signingKey, this.directory.selfId, { type: ProofType.TANDEM_ACCEPTED, tandemId: tandem.tandemId, menteeId: tandem.menteeId, mentorId: tandem.mentorId }, acceptedAt);
  }

  async accepted(manager: EntityManager, tandem: TandemEntity): Promise<void> {
    const proof = await this.acceptanceProof({ ...tandem, tandemId: this.directory.globalId(TANDEM_KIND, tandem.id) });
    for (const receiver of homesOf(tandem)) await publishFact(manager, { receiver, kind: ProofType.TANDEM_ACCEPTED, proof, subjects: [tandem.menteeId, tandem.mentorId] });
  }

  /**
   * A tandem became ACTIVE: both home nodes learn its partners, its start
   * and when check-ins are due, so that they accept meetings, check-ins and
   * evaluations of its partners (and of no one else) from then on. Told
   * again, signed when said, when a coordinator moves its start earlier (a
   * node keeps the earliest start it was told).
   */
  async activated(
    manager: EntityManager,
    tandem: TandemEntity,
    plan: { cohortStartsOn: string; cohortEndsOn: string; checkInEveryWeeks: number | null },
    signedAt: Date = tandem.activatedAt ?? new Date(),
  ): Promise<void> {
    const activatedAt = tandem.activatedAt ?? signedAt;
    const startedOn = tandem.startedOn ?? utcDay(activatedAt);
    const claims = {
      type: ProofType.TANDEM_ACTIVATED,
      tandemId: this.directory.globalId(TANDEM_KIND, tandem.id),
      cohortId: this.directory.globalId(COHORT_KIND, tandem.cohortId),
      menteeId: tandem.menteeId,
      mentorId: tandem.mentorId,
      startedOn,
      checkInsDue: checkInsDue({ cohortStartsOn: plan.cohortStartsOn, cohortEndsOn: plan.cohortEndsOn, startedOn, everyWeeks: plan.checkInEveryWeeks }),
    } as const;
    const proof = await signProof(this.signingKey, this.directory.selfId, claims, signedAt);
    for (const receiver of homesOf(tandem)) await publishFact(manager, { receiver, kind: ProofType.TANDEM_ACTIVATED, proof, subjects: [tandem.menteeId, tandem.mentorId] });
    await manager.query(`INSERT INTO tandem_activation_facts (tandem_id) VALUES ($1) ON CONFLICT DO NOTHING`, [tandem.id]);
  }

  /** A tandem that had been accepted ended: by its id only, so the statement names nobody. */
  async ended(manager: EntityManager, tandem: Pick<TandemEntity, "id" | "menteeId" | "mentorId">, endedAt: Date): Promise<void> {
    const tandemId = this.directory.globalId(TANDEM_KIND, tandem.id);
    const proof = await signProof(this.signingKey, this.directory.selfId, { type: ProofType.TANDEM_ENDED, tandemId }, endedAt);
    for (const receiver of homesOf(tandem)) await publishFact(manager, { receiver, kind: ProofType.TANDEM_ENDED, proof, subjects: [] });
  }
}

/** The partners' home nodes, once each (erased references keep their node: it erased what it granted already). */
function homesOf(tandem: Pick<TandemEntity, "menteeId" | "mentorId">): string[] {
  return [...new Set([tandem.menteeId, tandem.mentorId].map(homeNodeOf).filter((node): node is string => node !== null))];
}
