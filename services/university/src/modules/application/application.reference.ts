import type { NodeContext } from "../../context.js";
import { readableApplication } from "./application.read.js";
import { Application, APPLICATION_KIND } from "./application.type.js";

/** `_entities` for Application: null for what this node does not hold and for a caller rule application.read refuses. */
export const applicationReference = {
  Application: {
    async __resolveReference(reference: { id: string }, context: NodeContext): Promise<Application | null> {
      const localId = context.services.directory.tryLocal(reference.id, APPLICATION_KIND);
      if (!localId) return null;
      const entity = await context.loaders.application.load(localId);
      return entity ? readableApplication(context, entity) : null;
    },
  },
};
