import type { CoordinationContext } from "../../context.js";
import { authorise, rules } from "../access/access.rules.js";
import { ConsortiumNode } from "./consortium.type.js";

/** `_entities` for ConsortiumNode: an in-memory registry lookup, so no loader is needed. */
export const consortiumNodeReference = {
  ConsortiumNode: {
    __resolveReference(reference: { id: string }, context: CoordinationContext): ConsortiumNode | null {
      authorise(context.caller, rules.readCatalogue);
      const node = context.services.directory.node(reference.id);
      return node ? ConsortiumNode.fromRegistry(node) : null;
    },
  },
};
