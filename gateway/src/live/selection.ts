/**
 * A live update's selection, resolved through the normal federated
 * execution: its scalar fields (cursor, change, at, node) come from the
 * change itself; each entity field becomes a root query field (`event(id:)`,
 * `registration(id:)`, `tandem(id:)`) with the client's own selection, run
 * as the subscriber — so fields of other subgraphs and other nodes, and the
 * disclosure rules, apply exactly as for a query.
 */
import { Kind, print, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type VariableDefinitionNode } from "graphql";
import { collectFields, mergedSelectionSet, type CollectedField, type ParsedOperation, type Variables } from "../documents/operation.js";

/** Payload fields that are entities, the query field that reads each, and the reference in a change that names it. */
export const ENTITY_FIELDS: Record<string, { queryField: string; ref: string }> = {
  event: { queryField: "event", ref: "eventId" },
  registration: { queryField: "registration", ref: "registrationId" },
  tandem: { queryField: "tandem", ref: "tandemId" },
  application: { queryField: "application", ref: "applicationId" },
  cohort: { queryField: "cohort", ref: "cohortId" },
  agreement: { queryField: "agreement", ref: "agreementId" },
  meeting: { queryField: "meeting", ref: "meetingId" },
  mediationCase: { queryField: "mediationCase", ref: "caseId" },
  interestSurvey: { queryField: "interestSurvey", ref: "surveyId" },
  peerGroup: { queryField: "peerGroup", ref: "peerGroupId" },
  matchingRound: { queryField: "matchingRound", ref: "roundId" },
};

/** Payload fields that are references a change carries, read straight from it. */
export const REF_FIELDS: ReadonlySet<string> = new Set(["cohortId", "applicationId", "agreementId", "tandemId", "caseId", "eventId", "surveyId", "peerGroupId", "roundId"]);

export interface PayloadField {
  responseKey: string;
  name: string;
}

export interface ResolvePlan {
  /** The update's own fields, filled from the change. */
  scalars: PayloadField[];
  entities: (PayloadField & { ref: string; field: CollectedField })[];
}

export function planSelection(root: CollectedField, parsed: ParsedOperation, variables: Variables): ResolvePlan {
  const plan: ResolvePlan = { scalars: [], entities: [] };
  for (const field of collectFields(mergedSelectionSet(root), parsed.fragments, variables)) {
    const entity = ENTITY_FIELDS[field.name];
    if (entity) plan.entities.push({ responseKey: field.responseKey, name: field.name, ref: entity.ref, field });
    else plan.scalars.push({ responseKey: field.responseKey, name: field.name });
  }
  return plan;
}

const idVariable = (ref: string) => `__${ref}`;

export interface ResolvedQuery {
  query: string;
  refs: string[];
}

/**
 * The query resolving the entity fields whose reference the change carries,
 * with the client's variables and fragments it uses. Null when there is none.
 */
export function resolveQuery(plan: ResolvePlan, parsed: ParsedOperation, refs: Record<string, string>): ResolvedQuery | null {
  const present = plan.entities.filter((entity) => typeof refs[entity.ref] === "string");
  if (present.length === 0) return null;
  const fields: FieldNode[] = present.map((entity) => ({
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: entity.responseKey },
    name: { kind: Kind.NAME, value: ENTITY_FIELDS[entity.name]!.queryField },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "id" }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: idVariable(entity.ref) } } }],
    selectionSet: mergedSelectionSet(entity.field),
  }));
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: fields };
  const { variables, fragments } = usedBy(selectionSet, parsed.fragments);
  const ownRefs = [...new Set(present.map((entity) => entity.ref))];
  const definitions: VariableDefinitionNode[] = [
    ...ownRefs.map((ref) => ({
      kind: Kind.VARIABLE_DEFINITION as const,
      variable: { kind: Kind.VARIABLE as const, name: { kind: Kind.NAME as const, value: idVariable(ref) } },
      type: { kind: Kind.NON_NULL_TYPE as const, type: { kind: Kind.NAMED_TYPE as const, name: { kind: Kind.NAME as const, value: "ID" } } },
    })),
    ...(parsed.operation.variableDefinitions ?? []).filter((definition) => variables.has(definition.variable.name.value)),
  ];
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: "query" as OperationDefinitionNode["operation"],
    name: { kind: Kind.NAME, value: "LiveUpdate" },
    variableDefinitions: definitions,
    selectionSet,
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return { query: print(document), refs: ownRefs };
}

/** A query with its variables for one change, and the variables as JSON (the key runs are shared by). */
export interface PreparedQuery {
  query: string;
  variables: Variables;
  variablesKey: string;
}

/**
 * What every subscription with the same document and variables shares: its
 * plan, and the queries resolving its changes, built once per set of
 * references a change carries. Building and printing a query is far dearer
 * than looking it up, and one change reaches thousands of subscriptions.
 */
export class SelectionQueries {
  private readonly byRefs = new Map<string, ResolvedQuery | null>();

  constructor(
    readonly plan: ResolvePlan,
    private readonly parsed: ParsedOperation,
    /** The client's own variables. */
    readonly variables: Variables,
  ) {}

  queryFor(refs: Record<string, string>): ResolvedQuery | null {
    let present = "";
    for (const entity of this.plan.entities) if (typeof refs[entity.ref] === "string") present += `${entity.ref},`;
    let query = this.byRefs.get(present);
    if (query === undefined) {
      query = resolveQuery(this.plan, this.parsed, refs);
      this.byRefs.set(present, query);
    }
    return query;
  }

  /** The query and variables resolving a change with these references; null when it names none of the selection's entities. */
  prepare(refs: Record<string, string>): PreparedQuery | null {
    const resolved = this.queryFor(refs);
    if (!resolved) return null;
    const variables = resolveVariables(resolved.refs, refs, this.variables);
    return { query: resolved.query, variables, variablesKey: JSON.stringify(variables) };
  }
}

/**
 * The client's variables its update's selection uses: not those only of the
 * subscription's own arguments (`after`, `eventId`…), which do not change an
 * update's content. Subscribers differing only in those share queries, runs
 * and payloads — a thousand clients resuming from a thousand cursors too.
 */
export function selectionVariables(root: CollectedField, parsed: ParsedOperation, variables: Variables): Variables {
  const { variables: used } = usedBy(mergedSelectionSet(root), parsed.fragments);
  return Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name)));
}

export function resolveVariables(refs: string[], change: Record<string, string>, clientVariables: Variables): Variables {
  return { ...clientVariables, ...Object.fromEntries(refs.map((ref) => [idVariable(ref), change[ref]])) };
}

function usedBy(selectionSet: SelectionSetNode, all: ReadonlyMap<string, FragmentDefinitionNode>) {
  const variables = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  const scan = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      Variable: (variable) => {
        variables.add(variable.name.value);
      },
      FragmentSpread: (spread) => {
        const fragment = all.get(spread.name.value);
        if (fragment && !fragments.has(spread.name.value)) {
          fragments.set(spread.name.value, fragment);
          scan(fragment);
        }
      },
    });
  scan(selectionSet);
  return { variables, fragments: [...fragments.values()] };
}
