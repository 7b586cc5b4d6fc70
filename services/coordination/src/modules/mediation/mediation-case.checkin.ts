import type { EntityManager } from "typeorm";
import { homeNodeOf, MediationCaseChangeKind } from "@tandem/shared";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { TandemEntity } from "../tandem/tandem.entity.js";
import { publishCaseChange } from "./mediation-case.changes.js";
import { MediationCaseEntity } from "./mediation-case.entity.js";

/**
 * A check-in asking for contact, or with a low score, opens a mediation case
 * for the joint office in the author's name (concern CHECK_IN), unless the
 * tandem has an open case already or is no longer running.
 */
export async function openCaseFromCheckIn(manager: EntityManager, directory: ConsortiumDirectory, tandem: TandemEntity, side: "MENTEE" | "MENTOR", authorId: string): Promise<void> {
  if (tandem.status !== "ACCEPTED" && tandem.status !== "ACTIVE") return;
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(MediationCaseEntity)
    .values({
      tandemId: tandem.id,
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
    .returning("*")
    .execute();
  const opened = (result.raw as Record<string, unknown>[])[0];
  if (!opened) return;
  const found = manager.getRepository(MediationCaseEntity).create({ id: opened.id as string, cohortId: tandem.cohortId, raiserNodeId: homeNodeOf(authorId) });
  await publishCaseChange(manager, directory, MediationCaseChangeKind.OPENED, found, tandem);
}
