/**
 * Profiles pulled through the gateway, the only party the nodes answer
 * (DESIGN §1). The coordination office signs, with its own key, a
 * short-lived user token for its matching service
 * (`<coordination id>:staff:matching-service`, role joint-coordinator:
 * the office is the registry's issuer of joint coordinators; audience: the
 * consortium) and pages the gateway's merged `matchingProfiles` connection
 * over the programme's nodes. Any error fails the round naming the node(s):
 * matching without a node would silently leave its people out.
 */
import { issueUserToken, MAX_PAGE_SIZE, Role, type SigningKey } from "@tandem/shared";
import type { MatchingProfile } from "./matching-profile.js";
import { MatchingProfileSchema } from "./matching-profile.schema.js";
import type { MatchingProfileSource, ProfileProgress, ProfileRequest } from "./profile-source.js";
import { RoundFailure, RoundInterrupted } from "./round-failure.js";

export const MATCHING_SERVICE_STAFF_ID = "matching-service";

export const MATCHING_PROFILES_QUERY = `query MatchingRoundProfiles($cohortId: ID!, $nodes: [String!], $first: Int!, $after: String) {
  matchingProfiles(cohortId: $cohortId, nodes: $nodes, first: $first, after: $after) {
    totalCount
    edges { node { pseudonym nodeId role tracks disciplineCode goalCodes languages degreeLevel meetingFormat region availabilityHoursPerMonth mentorCapacity experienceYears conflictTokens } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface GatewayProfileSourceOptions {
  /** The gateway's GraphQL endpoint (GATEWAY_URL). */
  gatewayUrl: string;
  signingKey: SigningKey;
  /** Issuer of the token: the coordination office's registry id. */
  coordinationId: string;
  /** Audience of the token: the registry's consortium id. */
  consortiumId: string;
  pageSize?: number;
  /** Per page. */
  timeoutMs?: number;
}

/** A token lives this long; one is signed per page. */
const TOKEN_TTL_SECONDS = 120;
/** A cohort has thousands of profiles at most; this many pages means the cursor is not advancing. */
const MAX_PAGES = 10_000;

interface ProfilePage {
  totalCount: number;
  edges: { node: unknown }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface GatewayError {
  message?: string;
  extensions?: { code?: string; node?: string };
}

export class GatewayProfileSource implements MatchingProfileSource {
  constructor(private readonly options: GatewayProfileSourceOptions) {}

  /** The matching service's identity, as the gateway passes it on to the nodes. */
  get subject(): string {
    return `${this.options.coordinationId}:staff:${MATCHING_SERVICE_STAFF_ID}`;
  }

  async fetchProfiles(request: ProfileRequest, onProgress: ProfileProgress): Promise<MatchingProfile[]> {
    const profiles: MatchingProfile[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await this.page(request, after);
      for (const edge of page.edges) profiles.push(checkProfile(edge.node, request.nodes));
      onProgress(profiles.length, Math.max(page.totalCount, profiles.length));
      if (!page.pageInfo.hasNextPage) return profiles;
      if (!page.pageInfo.endCursor || page.pageInfo.endCursor === after) throw new RoundFailure("the gateway's matchingProfiles pages do not advance (no new endCursor)");
      after = page.pageInfo.endCursor;
    }
    throw new RoundFailure(`the gateway's matchingProfiles did not end after ${MAX_PAGES} pages`);
  }

  private async page(request: ProfileRequest, after: string | null): Promise<ProfilePage> {
    const { gatewayUrl } = this.options;
    const token = await issueUserToken(this.options.signingKey, {
      issuer: this.options.coordinationId,
      audience: this.options.consortiumId,
      sub: this.subject,
      roles: [Role.JOINT_COORDINATOR],
      ttlSeconds: TOKEN_TTL_SECONDS,
    });
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const variables = { cohortId: request.cohortId, nodes: [...request.nodes], first: this.options.pageSize ?? MAX_PAGE_SIZE, after };
    let response: Response;
    try {
      response = await fetch(gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: MATCHING_PROFILES_QUERY, variables }),
        signal: request.signal ? AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (request.signal?.aborted) throw new RoundInterrupted();
      if (error instanceof Error && error.name === "TimeoutError") throw new RoundFailure(`the gateway at ${gatewayUrl} did not answer matchingProfiles within ${timeoutMs / 1000} s`);
      throw new RoundFailure(`the gateway at ${gatewayUrl} could not be reached (${describeCause(error)}); no profiles were fetched`);
    }
    const body = (await response.json().catch(() => null)) as { data?: { matchingProfiles?: ProfilePage | null } | null; errors?: GatewayError[] } | null;
    if (body?.errors?.length) throw failureOf(body.errors);
    const page = body?.data?.matchingProfiles;
    if (!response.ok || !page) throw new RoundFailure(`the gateway at ${gatewayUrl} answered matchingProfiles without profiles (HTTP ${response.status})`);
    return page;
  }
}

/** The errors of an answer as one failure, naming each node that could not answer. */
function failureOf(errors: GatewayError[]): RoundFailure {
  const byNode = errors.filter((error) => error.extensions?.node);
  if (byNode.length) {
    const nodes = [...new Set(byNode.map((error) => error.extensions!.node!))];
    const details = byNode.map((error) => `${error.extensions!.node}: ${error.extensions?.code ?? "ERROR"} ${error.message ?? ""}`.trim());
    return new RoundFailure(`node${nodes.length > 1 ? "s" : ""} ${nodes.join(", ")} could not answer matchingProfiles (${[...new Set(details)].join("; ")}); a round needs every participating node`);
  }
  const first = errors[0]!;
  return new RoundFailure(`the gateway refused matchingProfiles: ${first.extensions?.code ?? "ERROR"} ${first.message ?? ""}`.trim());
}

function checkProfile(value: unknown, nodes: readonly string[]): MatchingProfile {
  const parsed = MatchingProfileSchema.safeParse(value);
  const node = typeof (value as { nodeId?: unknown } | null)?.nodeId === "string" ? (value as { nodeId: string }).nodeId : "an unknown node";
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RoundFailure(`${node} sent a malformed matching profile (${issue.path.join(".")}: ${issue.message})`);
  }
  if (!nodes.includes(parsed.data.nodeId)) throw new RoundFailure(`the gateway returned a profile of ${parsed.data.nodeId}, which does not take part in the programme`);
  return parsed.data;
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
