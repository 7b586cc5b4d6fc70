import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgeCursor } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CREATE_PARTICIPANT, createEvent, firstError, ok, participantInput } from "../../../test/fixtures.js";

const PAGE = `query($node: String!, $first: Int!, $after: String, $role: ParticipantRole, $track: String) {
  participants(node: $node, first: $first, after: $after, role: $role, track: $track) {
    totalCount edges { cursor node { id role tracks } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Filter {
  role?: string;
  track?: string;
}

/** Roles and tracks cycle with different periods so every filter combination has members. */
const ROLES = ["MENTEE", "MENTOR", "ALUMNUS"];
const TRACKS = [["health"], ["engineering"], ["health", "engineering"], []];

describe("paging through a node's participants", () => {
  let node: TestNode;
  const created: { id: string; role: string; tracks: string[] }[] = [];
  beforeAll(async () => {
    node = await startTestNode("hst");
    // Created all at once, so that many share a creation millisecond.
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        ok(node, CREATE_PARTICIPANT, {
          node: "hst",
          input: participantInput({ role: ROLES[i % 3], degreeLevel: "MASTER", semester: null, tracks: TRACKS[i % 4], displayName: `Participant ${i}` }),
        }),
      ),
    );
    created.push(...results.map((data) => data.createParticipant));
    // And a third of them share one creation instant exactly: only the id orders them.
    const tied = created.filter((_, i) => i % 3 === 1).map((p) => p.id.split(":")[2]);
    await node.sql(`UPDATE participants SET created_at = (SELECT min(created_at) FROM participants) + interval '1 millisecond' WHERE id = ANY($1::uuid[])`, [tied]);
  });
  afterAll(() => node.stop());

  /** Global ids in (created_at, id) order, straight from the table. */
  async function expectedOrder(filter: Filter): Promise<string[]> {
    const rows = await node.sql<{ id: string }>(`SELECT id FROM participants WHERE ($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR $2 = ANY(tracks)) ORDER BY created_at, id`, [
      filter.role ?? null,
      filter.track ?? null,
    ]);
    return rows.map((row) => `hst:participant:${row.id}`);
  }

  async function walk(filter: Filter, first: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const page: Record<string, any> = (await ok(node, PAGE, { node: "hst", first, after, ...filter })).participants;
      totals.add(page.totalCount);
      expect(page.edges.length).toBeLessThanOrEqual(first);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      for (const edge of page.edges) {
        if (filter.role) expect(edge.node.role).toBe(filter.role);
        if (filter.track) expect(edge.node.tracks).toContain(filter.track);
        ids.push(edge.node.id);
      }
      if (!page.pageInfo.hasNextPage) return { ids, totals: [...totals], pages };
      expect(page.edges).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
  }

  it("has participants sharing a creation instant, so that the cursor must break ties", async () => {
    const [row] = await node.sql<{ tied: string }>(`SELECT max(n) AS tied FROM (SELECT count(*) AS n FROM participants GROUP BY created_at) groups`);
    expect(Number(row!.tied)).toBeGreaterThanOrEqual(8);
  });

  it.each([1, 4, 5, 24, 100])("walks every participant exactly once, oldest first, %i per page", async (first) => {
    const { ids, totals, pages } = await walk({}, first);
    expect(ids).toEqual(await expectedOrder({}));
    expect(new Set(ids).size).toBe(created.length);
    expect(new Set(ids)).toEqual(new Set(created.map((p) => p.id)));
    expect(totals).toEqual([created.length]);
    expect(pages).toBe(Math.max(1, Math.ceil(created.length / first)));
  });

  it.each<Filter>([{ role: "MENTOR" }, { track: "engineering" }, { role: "MENTEE", track: "health" }, { role: "ALUMNUS", track: "law" }])(
    "walks the participants matching %o exactly once, with their total",
    async (filter) => {
      const matching = created.filter((p) => (!filter.role || p.role === filter.role) && (!filter.track || p.tracks.includes(filter.track)));
      const { ids, totals } = await walk(filter, 3);
      expect(ids).toEqual(await expectedOrder(filter));
      expect(new Set(ids)).toEqual(new Set(matching.map((p) => p.id)));
      expect(totals).toEqual([matching.length]);
    },
  );

  it("neither repeats nor skips a participant when others are added or removed between pages", async () => {
    const before = await expectedOrder({ role: "ALUMNUS" });
    const firstPage = (await ok(node, PAGE, { node: "hst", first: 3, role: "ALUMNUS" })).participants;
    const removed = before[4]!;
    await node.sql(`DELETE FROM participants WHERE id = $1`, [removed.split(":")[2]]);
    const added = (await ok(node, CREATE_PARTICIPANT, { node: "hst", input: participantInput({ role: "ALUMNUS", degreeLevel: null, semester: null, displayName: "Late alumna" }) })).createParticipant
      .id;
    let after: string | null = firstPage.pageInfo.endCursor;
    const rest: string[] = [];
    while (after) {
      const page: Record<string, any> = (await ok(node, PAGE, { node: "hst", first: 3, role: "ALUMNUS", after })).participants;
      rest.push(...page.edges.map((edge: any) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect([...firstPage.edges.map((edge: any) => edge.node.id), ...rest]).toEqual([...before.filter((id) => id !== removed), added]);
    created.splice(
      created.findIndex((p) => p.id === removed),
      1,
      { id: added, role: "ALUMNUS", tracks: ["health"] },
    );
  });

  it.each([0, 101])("refuses a page size of %i", async (first) => {
    const error = firstError(await node.query(PAGE, { node: "hst", first }));
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "first" })] });
  });

  it("refuses a track that is not a track code", async () => {
    expect(firstError(await node.query(PAGE, { node: "hst", first: 5, track: "Health care" }))).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "track" })] });
  });

  it("refuses cursors it did not hand out", async () => {
    const event = await createEvent(node);
    const someone = created[0]!.id;
    const handedOut: string = (await ok(node, PAGE, { node: "hst", first: 5 })).participants.pageInfo.endCursor;
    const forged = [
      [],
      [Date.now(), event.id],
      ["yesterday", someone],
      [1e300, someone],
      [Date.now(), someone.split(":")[2]!],
      [Date.now(), someone.replace("hst:", "zcu:")],
      [Date.now(), someone, 1],
    ];
    for (const after of ["garbage", "k1.bm90IGpzb24", ...forged.map((key) => forgeCursor(handedOut, key))]) {
      expect(firstError(await node.query(PAGE, { node: "hst", first: 5, after })), after).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    }
  });

  it("binds a cursor to its list and filter, not to the page size", async () => {
    const mentors: string = (await ok(node, PAGE, { node: "hst", first: 2, role: "MENTOR" })).participants.pageInfo.endCursor;
    for (const filter of [{}, { role: "MENTEE" }, { role: "MENTOR", track: "health" }]) {
      expect(firstError(await node.query(PAGE, { node: "hst", first: 2, after: mentors, ...filter })), JSON.stringify(filter)).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    }
    const resumed = (await ok(node, PAGE, { node: "hst", first: 5, role: "MENTOR", after: mentors })).participants;
    expect(resumed.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual((await expectedOrder({ role: "MENTOR" })).slice(2, 7));
    const auditCursor: string = (await ok(node, `{ auditLog(node: "hst", first: 1) { pageInfo { endCursor } } }`)).auditLog.pageInfo.endCursor;
    expect(firstError(await node.query(PAGE, { node: "hst", first: 2, after: auditCursor }))).toMatchObject({ code: "BAD_CURSOR", field: "after" });
  });

  it.each([
    ["zcu", "WRONG_NODE"],
    ["mars", "UNKNOWN_NODE"],
  ])("refuses to list the participants of node %s (%s)", async (nodeId, code) => {
    expect(firstError(await node.query(PAGE, { node: nodeId, first: 5 }))).toMatchObject({ code, field: "node", node: nodeId });
  });
});
