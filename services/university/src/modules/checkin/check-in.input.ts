import { IsBoolean, IsInt, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "A short pulse: it stays at your home node; the coordination office receives the codes." })
export class CheckInInput {
  @Field(() => Int, { description: "1 (very unhappy) to 5 (very happy)." })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction: number;

  @Field(() => Boolean, { description: "We are on track." })
  @IsBoolean()
  onTrack: boolean;

  @Field(() => Boolean, { description: "I would like the coordination to contact me." })
  @IsBoolean()
  contactRequested: boolean;
}
