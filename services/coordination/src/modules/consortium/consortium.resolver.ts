import { Ctx, Query, Resolver } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { authorise, rules } from "../access/access.rules.js";
import { Consortium, ConsortiumNode } from "./consortium.type.js";

@Resolver(() => Consortium)
export class ConsortiumResolver {
  @Query(() => Consortium, { description: "The consortium as the registry describes it." })
  consortium(@Ctx() ctx: CoordinationContext): Consortium {
    authorise(ctx.caller, rules.readCatalogue);
    const { registry } = ctx.services.directory;
    return { id: registry.consortium.id, name: registry.consortium.name, nodes: registry.nodes.map(ConsortiumNode.fromRegistry) };
  }
}
