/** What the gateway benchmark asks, and how it tells a right answer from a wrong one. */

export interface Scenario {
  id: string;
  title: string;
  query: string;
  variables: Record<string, unknown>;
  /** Error codes a right answer may carry (e.g. NOT_DISCLOSED for a view that hides names). */
  allowedErrors: readonly string[];
}

export const PARTICIPANT_QUERY = `query BenchParticipant($id: ID!) { participant(id: $id) { id displayName email role } }`;
export const TANDEMS_QUERY = `query BenchTandems($cohortId: ID!) { cohort(id: $cohortId) { tandems { id status mentee { id displayName } mentor { id displayName } } } }`;
export const EVENTS_PAGE_QUERY = `query BenchEvents { events(first: 20) { edges { node { id title nodeId startsAt } } pageInfo { hasNextPage } } }`;
export const EVENTS_PAGE_WITH_CURSORS_QUERY = `query BenchEventsCursors { events(first: 20) { edges { cursor node { id title nodeId startsAt } } pageInfo { hasNextPage endCursor } } }`;
export const ONE_NODE_EVENTS_QUERY = `query BenchNodeEvents($node: String!) { events(nodes: [$node], first: 3) { edges { node { id title nodeId startsAt } } } }`;

export function requestBody(scenario: Scenario): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables });
}

/** Error codes of a GraphQL answer, as text (cheap enough to run on every answer under load). */
export function errorCodes(body: string): string[] {
  return [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((match) => match[1]!);
}

/** An answer with data whose errors, if any, are all of the allowed codes. */
export function verifierFor(scenario: Pick<Scenario, "allowedErrors">): (body: string) => boolean {
  return (body) => body.includes('"data":{') && errorCodes(body).every((code) => scenario.allowedErrors.includes(code));
}

export interface TandemListShape {
  tandems: number;
  names: number;
  hidden: number;
  errors: Record<string, number>;
}

/** What a tandem list answer holds: tandems, participant names given, names hidden, errors by code. */
export function tandemListShape(answer: {
  data?: { cohort?: { tandems?: { mentee: { displayName: string | null } | null; mentor: { displayName: string | null } | null }[] } | null } | null;
  errors?: { extensions?: { code?: string } }[];
}): TandemListShape {
  const tandems = answer.data?.cohort?.tandems ?? [];
  const people = tandems.flatMap((tandem) => [tandem.mentee, tandem.mentor]);
  const errors: Record<string, number> = {};
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code ?? "NONE";
    errors[code] = (errors[code] ?? 0) + 1;
  }
  return { tandems: tandems.length, names: people.filter((person) => person?.displayName).length, hidden: people.filter((person) => person && person.displayName === null).length, errors };
}
