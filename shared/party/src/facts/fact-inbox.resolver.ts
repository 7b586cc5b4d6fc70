/**
 * The two fields the gateway uses to deliver facts to a party: where the
 * party stands with each source, and the delivery itself. Hidden from the
 * public graph (@inaccessible) and open to the gateway's own identity only
 * (FACT_INBOX_ACCESS).
 */
import { Arg, Ctx, Directive, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { AuditTrail } from "../audit/audit-trail.js";
import { AppError, ErrorCode, rule, type Caller } from "@tandem/shared";
import { before, type AccessTable } from "../access/access-table.js";
import type { FactInbox } from "./fact-inbox.js";

export interface FactInboxContext {
  caller: Caller;
  audit: AuditTrail;
  factInbox: FactInbox;
  /** Checks that `node` names this party (nodes) — the gateway routes by it. */
  assertSelf(node: string): void;
}

@InputType({ description: "A fact as its source logged it." })
export class FactInput {
  @Field(() => String, { description: "The source's position of the fact." })
  seq: string;

  @Field(() => String, { description: "The signed statement (compact JWS)." })
  proof: string;
}

@ObjectType({ description: "How far this party has applied a source's facts." })
@Directive("@shareable")
export class FactPosition {
  @Field(() => String)
  source: string;

  @Field(() => String)
  position: string;
}

@ObjectType("FactReceipt", { description: "What a delivery of facts did." })
@Directive("@shareable")
export class FactReceiptType {
  @Field(() => String)
  source: string;

  @Field(() => String, { description: "This party's position for the source after the delivery." })
  position: string;

  @Field(() => Int)
  applied: number;

  @Field(() => Int, { description: "Facts applied by an earlier delivery." })
  duplicates: number;

  @Field(() => Int, { description: "Facts that verified but could not be applied (recorded, not tried again)." })
  refused: number;
}

const deliverFacts = rule("facts.deliver", "the gateway", (caller) => caller.kind === "system");
const deliveredByTheGateway = before<FactInboxContext>(deliverFacts, {
  addressed: "node",
  otherwise: () => {
    throw new AppError(ErrorCode.FORBIDDEN, "facts are delivered by the gateway only", { rule: deliverFacts.name });
  },
});

/** The access of the two fields, for every party's access table. */
export const FACT_INBOX_ACCESS: AccessTable<FactInboxContext> = {
  "Query.factPositions": deliveredByTheGateway,
  "Mutation.receiveFacts": deliveredByTheGateway,
};

@Resolver()
export class FactInboxResolver {
  @Directive("@inaccessible")
  @Directive("@shareable")
  @Query(() => [FactPosition], { nullable: true, description: "This party's position for every source it has received facts from (the gateway's delivery)." })
  async factPositions(@Arg("node", () => String) _node: string, @Ctx() ctx: FactInboxContext): Promise<FactPosition[]> {
    return ctx.factInbox.positions();
  }

  @Directive("@inaccessible")
  @Directive("@shareable")
  @Mutation(() => FactReceiptType, { nullable: true, description: "Applies facts of another party, each once, verified against the registry (the gateway's delivery)." })
  async receiveFacts(
    @Arg("node", () => String) _node: string,
    @Arg("source", () => String) source: string,
    @Arg("facts", () => [FactInput]) facts: FactInput[],
    @Ctx() ctx: FactInboxContext,
  ): Promise<FactReceiptType> {
    return ctx.factInbox.receive(source, facts, ctx.audit);
  }
}
