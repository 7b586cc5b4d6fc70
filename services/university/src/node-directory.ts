/**
 * What a node knows about the consortium: itself, the ids of its peers and
 * the id of the coordination office, so that references can be checked
 * without asking anyone.
 */
import { AppError, ErrorCode, IdDirectory, UUID_PATTERN, parseGlobalId } from "@tandem/shared";
import type { NodeIdentity } from "./context.js";

/** Kind of a cohort's global id (`coord:cohort:<uuid>`), held by the coordination office. */
export const COHORT_KIND = "cohort";

export class NodeDirectory extends IdDirectory {
  constructor(
    readonly self: NodeIdentity,
    /** The other nodes of the consortium. */
    readonly peerNodeIds: ReadonlySet<string>,
    /** Registry id of the coordination office, which holds programmes and cohorts. */
    readonly coordinationId: string,
  ) {
    super(self.id, new Set([...peerNodeIds, self.id]));
  }

  /** A cohort reference: `<coordination id>:cohort:<uuid>`, BAD_USER_INPUT naming `field` otherwise. */
  parseCohortId(id: string, field = "cohortId"): string {
    return this.parseOfficeId(id, COHORT_KIND, "cohorts", field);
  }

  /** A peer group reference: `<coordination id>:peer-group:<uuid>`, BAD_USER_INPUT naming `field` otherwise. */
  parsePeerGroupId(id: string, field = "peerGroupId"): string {
    return this.parseOfficeId(id, "peer-group", "peer groups", field);
  }

  /** A tandem reference: `<coordination id>:tandem:<uuid>`, BAD_USER_INPUT naming `field` otherwise. */
  parseTandemId(id: string, field = "tandemId"): string {
    return this.parseOfficeId(id, "tandem", "tandems", field);
  }

  /** An interest survey reference: `<coordination id>:interest-survey:<uuid>`, BAD_USER_INPUT naming `field` otherwise. */
  parseSurveyId(id: string, field = "surveyId"): string {
    return this.parseOfficeId(id, "interest-survey", "interest surveys", field);
  }

  private parseOfficeId(id: string, kind: string, things: string, field: string): string {
    const parsed = parseGlobalId(id, kind, field);
    if (parsed.node !== this.coordinationId) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${things} are held by the coordination office "${this.coordinationId}", not "${parsed.node}"`, { field });
    }
    if (!UUID_PATTERN.test(parsed.localId)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${id}" is not a valid id`, { field });
    return id;
  }
}
