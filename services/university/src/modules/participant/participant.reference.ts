import { isAbstractType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { NodeContext } from "../../context.js";
import type { ParticipantEntity } from "./participant.entity.js";
import { Participant, PARTICIPANT_KIND } from "./participant.type.js";

/**
 * `_entities` for Participant (rule participant.read): the router only sends ids of this node; anything else resolves to null. Personal fields follow the disclosure policy.
 *
 * A list fetch names hundreds of participants and asks for a field or two of
 * each (the gateway's `... on Participant { id displayName }`): when every
 * field it selects is a column of the same name (or the id and home node),
 * only those columns are read; any other field reads the whole row.
 */
export const participantReference = {
  Participant: {
    async __resolveReference(reference: { id: string }, context: NodeContext, info: GraphQLResolveInfo): Promise<Participant | null> {
      const localId = context.services.directory.tryLocal(reference.id, PARTICIPANT_KIND);
      if (!localId) return null;
      const properties = columnsSelected(info, context.services.participants.columns);
      const entity = await (properties ? context.loaders.participantColumns(properties) : context.loaders.participant).load(localId);
      return entity ? Participant.fromEntity(entity, context.self) : null;
    },
  },
};

type Property = keyof ParticipantEntity & string;

/** Fields of a Participant that need no column but its id. */
const FROM_ID = new Set(["__typename", "id", "nodeId", "homeNode"]);

/** Worked out once per `_entities` field of a request: its representations share the selection. */
const selections = new WeakMap<GraphQLResolveInfo["fieldNodes"], Property[] | null>();

/** The columns the fields selected on Participant read, or null when a field may read anything (a resolver of its own). */
function columnsSelected(info: GraphQLResolveInfo, columns: ReadonlySet<string>): Property[] | null {
  let properties = selections.get(info.fieldNodes);
  if (properties === undefined) {
    const fields = new Set<string>();
    const complete = info.fieldNodes.every((node) => !node.selectionSet || collectFields(node.selectionSet, info, fields));
    const read = [...fields].filter((field) => !FROM_ID.has(field));
    properties = complete && read.every((field) => columns.has(field)) ? (read as Property[]) : null;
    selections.set(info.fieldNodes, properties);
  }
  return properties;
}

/** Adds the names of the fields selected on Participant; false when a fragment cannot be followed. */
function collectFields(selectionSet: SelectionSetNode, info: GraphQLResolveInfo, fields: Set<string>): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.add(selection.name.value);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? info.fragments[selection.name.value] : selection;
    if (!fragment) return false;
    const condition = fragment.typeCondition?.name.value;
    const type = condition ? info.schema.getType(condition) : undefined;
    if (condition && condition !== "Participant" && !(type && isAbstractType(type))) continue;
    if (!collectFields(fragment.selectionSet, info, fields)) return false;
  }
  return true;
}
