import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => ID, { description: "The tandem at the coordination office." })
  tandemId: string;

  @Field(() => ID, { description: "The tandem's mentee: their home node keeps the log (routing)." })
  menteeId: string;
}
