import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { agreementIdOf } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import { Tandem } from "../tandem/tandem.type.js";
import { TandemAgreementType } from "./agreement.type.js";

@Resolver(() => Tandem)
export class TandemAgreementResolver {
  @FieldResolver(() => ID, { nullable: true, description: "The id of the tandem's agreement at the mentee's home node (query `agreement(id:)` there, as the mentee or the mentor)." })
  agreementId(@Root() tandem: Tandem): string | null {
    return agreementIdOf(tandem.id, tandem.menteeId);
  }

  @FieldResolver(() => TandemAgreementType, { nullable: true, description: "Status of the agreement (version, hash, signing dates); null before the mentee drafted it." })
  async agreement(@Root() tandem: Tandem, @Ctx() ctx: CoordinationContext): Promise<TandemAgreementType | null> {
    const state = await ctx.loaders.agreementState.load(tandem.localId);
    return state ? Object.assign(new TandemAgreementType(), state) : null;
  }
}
