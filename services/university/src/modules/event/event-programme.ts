/**
 * An event of cohorts is part of their programme at every node: the host
 * keeps it in its own programme ledger and tells every other node, as a
 * signed fact (DESIGN.md §9), its time, status and obligations — never a
 * registrant — so that each node can show its people what is mandatory for
 * them. Node-only events are told to the other nodes without cohorts.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, ProofType, signProof, type EventCohortLink, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { ProgrammeLedger } from "../package/programme-ledger.js";
import { EventEntity, type EventVisibility } from "./event.entity.js";
import type { EventCohortInput } from "./event.input.js";
import { EVENT_KIND } from "./event.type.js";
import { tellOfficeOfTraining } from "./event-training.js";

export interface ProgrammeBefore {
  cohorts: EventCohortLink[];
  visibility: EventVisibility;
}

/** The cohort links of an input: cohorts of the coordination office, each once. */
export function cohortLinksOf(directory: NodeDirectory, inputs: readonly EventCohortInput[]): EventCohortLink[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const field = `input.cohorts.${index}.cohortId`;
    const cohortId = directory.parseCohortId(input.cohortId, field);
    if (seen.has(cohortId)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: cohort ${cohortId} is listed twice`, { field });
    seen.add(cohortId);
    return { cohortId, obligation: input.obligation, audience: input.audience };
  });
}

export class EventProgrammeAnnouncer {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
    private readonly ledger: ProgrammeLedger,
  ) {}

  /** Inside the change's transaction: nothing for an event that is and was in no cohort. */
  async announce(manager: EntityManager, event: EventEntity, before: ProgrammeBefore = { cohorts: [], visibility: event.visibility }): Promise<void> {
    if (event.cohorts.length === 0 && before.cohorts.length === 0) return;
    const revision = event.programmeRevision + 1;
    await manager.update(EventEntity, { id: event.id }, { programmeRevision: revision });
    event.programmeRevision = revision;
    const record = {
      eventId: this.directory.globalId(EVENT_KIND, event.id),
      kind: event.kind,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: event.status,
      cohorts: event.cohorts,
      revision,
    };
    await this.ledger.keepEvent(manager, record);
    await tellOfficeOfTraining(manager, this.key, this.directory, event);
    const wasShared = before.visibility === "CONSORTIUM" && before.cohorts.length > 0;
    const shared = event.visibility === "CONSORTIUM" ? event.cohorts : [];
    if (shared.length === 0 && !wasShared) return;
    const claims = { ...record, type: ProofType.PROGRAMME_EVENT, startsAt: record.startsAt.toISOString(), endsAt: record.endsAt.toISOString(), cohorts: shared };
    const proof = await signProof(this.key, this.directory.self.id, claims);
    for (const peer of this.directory.peerNodeIds) {
      if (peer !== this.directory.self.id) await publishFact(manager, { receiver: peer, kind: ProofType.PROGRAMME_EVENT, proof, subjects: [] });
    }
  }
}
