/**
 * Building blocks of the application journey end to end (issue 12): the
 * operations, each done through the gateway by whoever would do it; a
 * consortium whose only gateway records every byte between the parties
 * (client calls, fact delivery, change feeds); and what a recorded exchange
 * carried and for whom.
 */
import type { GraphQLResult } from "@tandem/shared";
import { holds } from "./databases.js";
import type { E2EConsortium, Session } from "./harness.js";
import { startRecordingGateway, type Exchange, type RecordingGateway } from "./recording-gateway.js";

export const APPLICATION = `id status eligibility { eligible rule message ruleVersion } reviewer sharedWithJointOffice jointOfficeConsentAt decision decisionReason enrolmentId waitlistPosition matchingConsentNeeded applicationsCloseAt submittedAt`;
export const SAVE = `mutation($p: ID!, $c: ID!, $input: ApplicationInput!) { saveApplication(participantId: $p, cohortId: $c, input: $input) { ${APPLICATION} } }`;
export const SUBMIT = `mutation($p: ID!, $c: ID!, $input: ApplicationInput, $share: Boolean! = false) {
  submitApplication(participantId: $p, cohortId: $c, input: $input, shareWithJointOffice: $share) { ${APPLICATION} }
}`;
export const WITHDRAW = `mutation($p: ID!, $c: ID!) { withdrawApplication(participantId: $p, cohortId: $c) { ${APPLICATION} } }`;
export const REVIEW = `mutation($id: ID!, $decision: ReviewDecision!, $reason: String) { reviewApplication(id: $id, decision: $decision, reason: $reason) { ${APPLICATION} } }`;
export const READ = `query($id: ID!) { application(id: $id) { ${APPLICATION} motivation shortTermGoals longTermGoals } }`;
export const REVIEW_LIST = `query($node: String!, $c: ID!) {
  reviewApplications(node: $node, cohortId: $c, first: 20) { totalCount edges { node { id status motivation shortTermGoals longTermGoals participant { displayName disclosure { withheld } } } } }
}`;
export const RECORDS = `query($c: ID!, $status: ApplicationStatus) {
  applicationRecords(cohortId: $c, status: $status, first: 50) { totalCount edges { node { applicationId nodeId role tracks eligible ruleVersion status placement waitlistPosition sharedWithJointOffice } } }
}`;
export const ENROLMENTS = `query($c: ID!) { enrolments(cohortId: $c, includeWithdrawn: true, first: 50) { edges { node { participantId role track status } } } }`;
export const PIPELINE = `query($c: ID!) { applicationPipeline(cohortId: $c) { minimumGroupSize counts { nodeId role track status count suppressed } } }`;
export const ADVANCE = `mutation($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { state revision } }`;
export const UPDATE_COHORT = `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { state revision applicationsOpenAt applicationsCloseAt } }`;

const HOUR = 3600_000;

/** What an applicant writes; the texts are distinctive, to be looked for in recorded traffic. */
export interface Form {
  motivation: string;
  shortTermGoals: string;
  longTermGoals: string;
}

export function formInput(form: Form, trackCodes = ["engineering"]) {
  return { role: "MENTEE", ...form, trackCodes, languages: ["de", "en"], availabilityHoursPerMonth: 6, meetingFormats: ["ONLINE", "IN_PERSON"] };
}

/** An application window around now (open an hour ago, closing in two). */
export function openWindow(): { applicationsOpenAt: string; applicationsCloseAt: string } {
  const now = Date.now();
  return { applicationsOpenAt: new Date(now - HOUR).toISOString(), applicationsCloseAt: new Date(now + 2 * HOUR).toISOString() };
}

/** A programme over `nodes` (tracks engineering and health, the default eligibility rules) and a DRAFT cohort with `quotas` and an open window (joint coordinator). */
export async function programmeWithCohort(joint: Session, name: string, nodes: string[], quotas: { nodeId: string; mentees: number; mentors: number }[]) {
  const { createProgramme } = await joint.data(
    `mutation($input: CreateProgrammeInput!) {
      createProgramme(input: $input) { id rulesVersion reviewer eligibility { mentee { minSemester { degreeLevel minSemester } } mentor { backgrounds minExperienceYears } languages } }
    }`,
    {
      input: {
        name,
        tracks: [
          { code: "engineering", name: "Engineering" },
          { code: "health", name: "Health" },
        ],
        participatingNodeIds: nodes,
      },
    },
  );
  const { createCohort } = await joint.data(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id state revision } }`, {
    input: { programmeId: createProgramme.id, name: "2027/28", startsOn: "2027-11-01", endsOn: "2028-07-31", quotas, ...openWindow() },
  });
  return { programme: createProgramme, cohort: createCohort as { id: string; state: string; revision: number } };
}

/** The error of a refused call: its code and extensions. */
export function refusal(result: GraphQLResult<unknown>): Record<string, unknown> {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return { message: error.message, ...error.extensions };
}

/**
 * Stops the consortium's gateway and starts a recording one on its port, so
 * that it is the only gateway: every call, every fact delivered and every
 * change-feed message between the parties passes a recording proxy.
 */
export async function recordEverything(e2e: E2EConsortium): Promise<RecordingGateway> {
  const port = Number(new URL(e2e.consortium.gatewayUrl!).port);
  await e2e.consortium.stopParty("gateway");
  return startRecordingGateway(e2e, port, { webSockets: true, env: { FACT_SWEEP_INTERVAL_MS: "500", NODE_TIMEOUT_MS: "3000" } });
}

/** What the gateway says about the live subscriptions it holds upstream (GET /debug/live, outside production). */
export async function upstreamTopics(gatewayUrl: string): Promise<{ party: string; topic: string; listeners: number; position: string | null }[]> {
  return ((await (await fetch(gatewayUrl.replace(/\/graphql$/, "/debug/live"))).json()) as { upstream: never[] }).upstream;
}

/** Who the gateway called a party for: the subject of its signed token (`system` for its own calls, `anonymous` without one). */
export function callerOf(exchange: Exchange): string {
  const header = exchange.requestHeaders.authorization;
  const token = typeof header === "string" ? /^Bearer (\S+)$/.exec(header)?.[1] : undefined;
  if (!token) return "anonymous";
  const claims = decodeJwt(token);
  return claims?.kind === "user" ? String(claims.sub) : "system";
}

/** A body with the claims of every signed token in it spelled out (facts travel as JWTs: their payloads are base64url). */
export function readable(body: string): string {
  const claims = [...body.matchAll(/eyJ[\w-]+\.([\w-]+)\.[\w-]+/g)].map((match) => Buffer.from(match[1]!, "base64url").toString("utf8"));
  return [body, ...claims].join("\n");
}

/** The claims of the signed tokens in a body. */
export function signedClaimsIn(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)].map((match) => decodeJwt(match[0]) ?? {});
}

function decodeJwt(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** A value that must stay at its home node, and who may see it. */
export interface Guarded {
  label: string;
  value: string;
  home: string;
  /** Subjects for whom the home node may send it to the gateway, or receive it from the gateway. */
  readers: readonly string[];
}

export interface Crossing {
  label: string;
  party: string;
  caller: string;
  direction: "request" | "response";
  path: string;
}

/** Every exchange that carried a guarded value (signed claims spelled out), with the party, the caller and the direction. */
export function crossings(exchanges: readonly Exchange[], guarded: readonly Guarded[]): Crossing[] {
  return exchanges.flatMap((exchange) => {
    const bodies = { request: readable(exchange.requestBody), response: readable(exchange.responseBody) };
    const caller = callerOf(exchange);
    return guarded.flatMap(({ label, value }) =>
      (["request", "response"] as const).filter((direction) => holds(bodies[direction], value)).map((direction) => ({ label, party: exchange.party, caller, direction, path: exchange.path })),
    );
  });
}

/** The crossings a guarded value may not make: to any party but its home node, or for anyone but its readers. */
export function leaksOf(all: readonly Crossing[], guarded: readonly Guarded[]): string[] {
  const byLabel = new Map(guarded.map((each) => [each.label, each]));
  return all
    .filter((crossing) => {
      const { home, readers } = byLabel.get(crossing.label)!;
      return crossing.party !== home || !readers.includes(crossing.caller);
    })
    .map((crossing) => `${crossing.label}: ${crossing.direction} ${crossing.party}${crossing.path} for ${crossing.caller}`);
}
