import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId, type MediationConcern, type MediationMediator } from "@tandem/shared";
import { MediationConcernEnum, MediationMediatorEnum } from "@tandem/party";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { TandemSideEnum } from "../meeting/meeting.type.js";
import type { ConcernEntity } from "./concern.entity.js";

export const CONCERN_KIND = "concern";

@ObjectType({
  description:
    "A concern a partner raised about their tandem, at their home node: for its author, and for the mediators of its case (joint coordinators; this node's coordinators when it asks for mediation at home). Never for the partner.",
})
@Directive(`@key(fields: "id")`)
export class Concern {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: "The tandem at the coordination office (its mediation case lists this concern)." })
  tandemId: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => TandemSideEnum)
  side: TandemSide;

  @Field(() => MediationConcernEnum)
  concern: MediationConcern;

  @Field(() => MediationMediatorEnum)
  mediator: MediationMediator;

  @Field(() => Boolean, { description: "Whether the mediator may read the statement: its author decides." })
  mediatorMayRead: boolean;

  @Field(() => DateTimeISOResolver)
  raisedAt: Date;

  @Field(() => DateTimeISOResolver)
  updatedAt: Date;

  /** Read by the statement field's resolver, which rule concern.statement guards. */
  text: string;

  static fromEntity(entity: ConcernEntity, nodeId: string): Concern {
    return Object.assign(new Concern(), {
      id: formatGlobalId(nodeId, CONCERN_KIND, entity.id),
      tandemId: entity.tandemId,
      participantId: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.participantId),
      side: entity.side,
      concern: entity.concern,
      mediator: entity.mediator,
      mediatorMayRead: entity.mediatorMayRead,
      raisedAt: entity.raisedAt,
      updatedAt: entity.updatedAt,
      text: entity.statement,
    });
  }
}
