import { IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { MAX_PEER_GROUP_SIZE, type PeerGroupMode } from "@tandem/shared";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { PeerGroupModeEnum } from "./peer-group.type.js";

@InputType()
export class CreatePeerGroupInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => String, { description: "E.g. Women in engineering, or Founders' circle: about the group, never a person." })
  @Length(3, 120)
  name: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(300)
  topic: string;

  @Field(() => PeerGroupModeEnum, { defaultValue: PeerGroupModeEnum.FORMED })
  @IsIn(Object.values(PeerGroupModeEnum))
  mode: PeerGroupMode;

  @Field(() => Int, { nullable: true, description: `At most this many members, invited or consented: 2 to ${MAX_PEER_GROUP_SIZE} (null: ${MAX_PEER_GROUP_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(MAX_PEER_GROUP_SIZE)
  sizeLimit?: number | null;
}
