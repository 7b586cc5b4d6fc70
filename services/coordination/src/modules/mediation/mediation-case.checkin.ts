import type { EntityManager } from "typeorm";
import { homeNodeOf } from "@tandem/shared";
import { TandemEntity } from "../tandem/tandem.entity.js";
import { MediationCaseEntity } from "./mediation-case.entity.js";

/**
 * A check-in asking for contact, or with a low score, opens a mediation case
 * for the joint office in the author's name (concern CHECK_IN), unless the
 * tandem has an open case already or is no longer running.
 */
export async function openCaseFromCheckIn(manager: EntityManager, tandemId: string, side: "MENTEE" | "MENTOR", authorId: string): Promise<void> {
  const tandem = await manager.getRepository(TandemEntity).findOneBy({ id: tandemId });
  if (!tandem || (tandem.status !== "ACCEPTED" && tandem.status !== "ACTIVE")) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(MediationCaseEntity)
    .values({
      tandemId,
      cohortId: tandem.cohortId,
      raisedBy: side,
      raiserId: authorId,
      raiserNodeId: homeNodeOf(authorId),
      concern: "CHECK_IN",
      mediator: "JOINT_OFFICE",
      outcome: null,
      closedAt: null,
    })
    .orIgnore()
    .execute();
}
