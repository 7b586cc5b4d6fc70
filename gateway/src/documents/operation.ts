/**
 * Reading and rewriting operations (the query planner's fetches, clients'
 * subscriptions): which root fields one holds, their arguments, and the
 * smaller operation that carries only some of them to one node.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from "graphql";

export type Variables = Record<string, unknown>;

export interface ParsedOperation {
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

const PARSE_CACHE_LIMIT = 1000;
const parseCache = new Map<string, ParsedOperation>();

/** Parses a fetch's query once; the planner sends the same few strings over and over. */
export function parseOperation(query: string): ParsedOperation {
  const cached = parseCache.get(query);
  if (cached) return cached;
  const document: DocumentNode = parse(query);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`expected exactly one operation, got ${operations.length}`);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const parsed = { operation: operations[0]!, fragments };
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(query, parsed);
  return parsed;
}

export function isIncluded(node: SelectionNode, variables: Variables): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

export interface CollectedField {
  responseKey: string;
  name: string;
  /** Every field node that shares this response key (GraphQL merges them). */
  nodes: FieldNode[];
}

/**
 * The fields of a selection set as GraphQL executes them: fragments spread
 * out, @skip/@include applied, fields grouped by response key in order of
 * first appearance. Type conditions are not checked: the selection sets we
 * read are on one concrete type.
 */
export function collectFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Variables): CollectedField[] {
  const byKey = new Map<string, CollectedField>();
  const visitSet = (set: SelectionSetNode, seenFragments: Set<string>) => {
    for (const selection of set.selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const responseKey = selection.alias?.value ?? selection.name.value;
        const existing = byKey.get(responseKey);
        if (existing) existing.nodes.push(selection);
        else byKey.set(responseKey, { responseKey, name: selection.name.value, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visitSet(selection.selectionSet, seenFragments);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seenFragments.has(name)) continue;
        visitSet(fragment.selectionSet, new Set([...seenFragments, name]));
      }
    }
  };
  visitSet(selectionSet, new Set());
  return [...byKey.values()];
}

/** A field's argument values (variables substituted; a variable not given leaves the default). */
export function argumentValues(node: FieldNode, variables: Variables, defaults: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = { ...defaults };
  for (const argument of node.arguments ?? []) {
    if (argument.value.kind === Kind.VARIABLE && !(argument.value.name.value in variables)) continue;
    values[argument.name.value] = valueFromASTUntyped(argument.value, variables);
  }
  return values;
}

/** The sub-selections of every node of a collected field, merged into one selection set. */
export function mergedSelectionSet(field: CollectedField): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: field.nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}

/**
 * The text of an operation of the same type and name holding only `fields`,
 * with just the fragments and variables they use (GraphQL refuses unused
 * ones), and the names of those variables; `extraVariables` declares
 * variables the fields use that the client's operation does not have.
 */
export function printSubOperation(parsed: ParsedOperation, fields: readonly FieldNode[], extraVariables: readonly VariableDefinitionNode[] = []): { query: string; variableNames: string[] } {
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: fields };
  const usedFragments = new Map<string, FragmentDefinitionNode>();
  const usedVariables = new Set<string>();
  const scan = (node: SelectionSetNode | FragmentDefinitionNode) => {
    visit(node, {
      Variable: (variable) => {
        usedVariables.add(variable.name.value);
      },
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const fragment = parsed.fragments.get(name);
        if (fragment && !usedFragments.has(name)) {
          usedFragments.set(name, fragment);
          scan(fragment);
        }
      },
    });
  };
  scan(selectionSet);
  const operation: OperationDefinitionNode = {
    ...parsed.operation,
    variableDefinitions: [...(parsed.operation.variableDefinitions ?? []), ...extraVariables].filter((definition) => usedVariables.has(definition.variable.name.value)),
    selectionSet,
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments.values()] };
  return { query: print(document), variableNames: [...usedVariables] };
}
