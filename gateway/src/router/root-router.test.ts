import { describe, expect, it } from "vitest";
import { parse, print } from "graphql";
import { FakeNodes, UNIVERSITY_SDL, type FakeEvent } from "../../test/fake-nodes.js";
import { as } from "@tandem/shared/testkit";
import { parseOperation } from "../documents/operation.js";
import { routeRootFields, type RootRouterContext } from "./root-router.js";
import { UNIVERSITY_ROUTES } from "./routing-table.js";
import { buildASTDefinitions, type FieldShape } from "../documents/sdl.js";

const shapes = new Map<string, FieldShape>();
for (const [type, fields] of buildASTDefinitions(UNIVERSITY_SDL)) for (const field of fields) shapes.set(`${type}.${field.name}`, field);

function eventsAt(node: string, count: number, offsetHours: number): FakeEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${node}:event:${String(i).padStart(2, "0")}`,
    title: `${node} event ${i}`,
    startsAt: new Date(Date.UTC(2027, 0, 1 + i * 3, offsetHours)),
  }));
}

function consortium() {
  return new FakeNodes({
    hst: { events: eventsAt("hst", 9, 17), participants: [{ id: "hst:participant:a1", displayName: "Anna Becker" }] },
    zcu: { events: eventsAt("zcu", 6, 9), participants: [{ id: "zcu:participant:b1", displayName: "Jana Nováková" }] },
    othaw: { events: [...eventsAt("othaw", 4, 12), { id: "othaw:event:tie", title: "same instant as hst 0", startsAt: new Date(Date.UTC(2027, 0, 1, 17)) }], participants: [] },
  });
}

function route(nodes: FakeNodes, query: string, variables: Record<string, unknown> = {}) {
  const context: RootRouterContext = { nodes, table: UNIVERSITY_ROUTES, shapes, auth: { caller: as.jointCoordinator(), requestId: "req-1" } };
  return routeRootFields(parseOperation(query), variables, undefined, context);
}

describe("routeRootFields: splitting a fetch", () => {
  it("sends each id-routed field to its home node only, with only the variables and fragments it uses", async () => {
    const nodes = consortium();
    const query = `query($a: ID!, $b: ID!, $unusedHere: Boolean!) {
      first: participant(id: $a) { ...Who }
      second: participant(id: $b) { ...Who @include(if: $unusedHere) }
    }
    fragment Who on Participant { id displayName }`;
    const body = await route(nodes, query, { a: "hst:participant:a1", b: "zcu:participant:b1", unusedHere: true });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ first: { id: "hst:participant:a1", displayName: "Anna Becker" }, second: { id: "zcu:participant:b1", displayName: "Jana Nováková" } });
    const hst = nodes.callsTo("hst")[0]!;
    expect(hst.variables).toEqual({ a: "hst:participant:a1" });
    expect(print(parse(hst.query))).not.toContain("second");
    expect(nodes.callsTo("zcu")[0]!.variables).toEqual({ b: "zcu:participant:b1", unusedHere: true });
    expect(nodes.callsTo("othaw")).toHaveLength(0);
  });

  it("honours @skip/@include on root fields and inline fragments, calling no node for skipped fields", async () => {
    const nodes = consortium();
    const query = `query($skipZcu: Boolean!) {
      ... on Query { a: participant(id: "hst:participant:a1") { displayName } }
      b: participant(id: "zcu:participant:b1") @skip(if: $skipZcu) { displayName }
    }`;
    const body = await route(nodes, query, { skipZcu: true });
    expect(body.data).toEqual({ a: { displayName: "Anna Becker" } });
    expect(nodes.calls.map((call) => call.node)).toEqual(["hst"]);
  });

  it("refuses unknown nodes and malformed ids per field, answering the other fields", async () => {
    const nodes = consortium();
    const body = await route(
      nodes,
      `{ a: participant(id: "mars:participant:x") { id } b: participant(id: "nonsense") { id } c: participant(id: "hst:participant:a1") { id } d: participants(node: "atlantis") { totalCount } }`,
    );
    expect(body.data).toEqual({ a: null, b: null, c: { id: "hst:participant:a1" }, d: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ["a"], extensions: expect.objectContaining({ code: "UNKNOWN_NODE", field: "id" }) }),
      expect.objectContaining({ path: ["b"], extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "id" }) }),
      expect.objectContaining({ path: ["d"], extensions: expect.objectContaining({ code: "UNKNOWN_NODE", field: "node" }) }),
    ]);
  });

  it("answers a node's outage on its own fields only, naming the node", async () => {
    const nodes = consortium();
    nodes.down.add("zcu");
    const body = await route(nodes, `{ a: participant(id: "hst:participant:a1") { displayName } b: participant(id: "zcu:participant:b1") { displayName } }`);
    expect(body.data).toEqual({ a: { displayName: "Anna Becker" }, b: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: ["b"], extensions: { code: "NODE_UNAVAILABLE", node: "zcu" } })]);
  });
});

describe("routeRootFields: mutations", () => {
  it("runs mutation fields in their written order, one node after another", async () => {
    const nodes = consortium();
    nodes.delays.set("zcu", 30);
    const query = `mutation {
      r1: registerForEvent(eventId: "zcu:event:00", participantId: "hst:participant:a1") { id }
      r2: registerForEvent(eventId: "hst:event:00", participantId: "zcu:participant:b1") { id }
      r3: registerForEvent(eventId: "hst:event:01", participantId: "zcu:participant:b1") { id }
      r4: registerForEvent(eventId: "zcu:event:01", participantId: "hst:participant:a1") { id }
    }`;
    const body = await route(nodes, query);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data!)).toEqual(["r1", "r2", "r3", "r4"]);
    const mutations = nodes.calls.filter((call) => call.query.startsWith("mutation"));
    expect(mutations.map((call) => call.node)).toEqual(["zcu", "hst", "zcu"]);
    for (let i = 1; i < nodes.calls.length; i++) expect(nodes.calls[i]!.startedAt).toBeGreaterThanOrEqual(nodes.calls[i - 1]!.finishedAt);
    expect(mutations[1]!.query).toContain("r2");
    expect(mutations[1]!.query).toContain("r3");
  });

  it("asks a registrant's home node to attest them before the host stores them, and passes the attestation with the call", async () => {
    const nodes = consortium();
    const body = await route(
      nodes,
      `mutation { r: registerForEvent(eventId: "zcu:event:00", participantId: "hst:participant:a1") { id } own: registerForEvent(eventId: "zcu:event:01", participantId: "zcu:participant:b1") { id } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(nodes.calls.map((call) => [call.node, call.query.startsWith("mutation") ? "mutation" : "attest", call.attestations])).toEqual([
      ["hst", "attest", []],
      ["zcu", "mutation", ["attested-by-hst:hst:participant:a1"]],
    ]);
  });

  it("does not call the host for a participant their home node does not know, and names the home node", async () => {
    const nodes = consortium();
    const body = await route(nodes, `mutation { r: registerForEvent(eventId: "zcu:event:00", participantId: "hst:participant:invented") { id } }`);
    expect(body.data).toEqual({ r: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: ["r"], extensions: expect.objectContaining({ code: "NOT_FOUND", node: "hst", field: "participantId" }) })]);
    expect(nodes.callsTo("zcu")).toEqual([]);
  });

  it("refuses a registration naming a participant of an unknown node before calling anyone", async () => {
    const nodes = consortium();
    const body = await route(nodes, `mutation { r: registerForEvent(eventId: "zcu:event:00", participantId: "mars:participant:x") { id } }`);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "UNKNOWN_NODE", field: "participantId" }) })]);
    expect(nodes.calls).toEqual([]);
  });
});

describe("routeRootFields: merged connections", () => {
  const PAGE = `query($after: String, $nodes: [String!]) { events(first: 7, after: $after, nodes: $nodes) { totalCount edges { cursor node { id startsAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

  async function walk(nodes: FakeNodes, variables: Record<string, unknown> = {}) {
    const ids: string[] = [];
    const starts: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const body: any = await route(nodes, PAGE, { ...variables, after });
      expect(body.errors).toBeUndefined();
      pages++;
      for (const edge of body.data.events.edges) {
        ids.push(edge.node.id);
        starts.push(edge.node.startsAt);
      }
      expect(body.data.events.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!body.data.events.pageInfo.hasNextPage) return { ids, starts, pages, total: body.data.events.totalCount };
      after = body.data.events.pageInfo.endCursor;
    }
  }

  it("walks every event of every node exactly once, in start-time order", async () => {
    const nodes = consortium();
    const { ids, starts, pages, total } = await walk(nodes);
    expect(total).toBe(20);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(pages).toBe(3);
    const expected = Object.values(nodes.data)
      .flatMap((data) => data.events)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((event) => event.id);
    expect(ids).toEqual(expected);
    expect([...starts].sort()).toEqual(starts);
  });

  it("filters by nodes and asks no other node", async () => {
    const nodes = consortium();
    const { ids } = await walk(nodes, { nodes: ["zcu", "othaw"] });
    expect(ids).toHaveLength(11);
    expect(nodes.callsTo("hst")).toHaveLength(0);
  });

  it("answers a page without cursors in the same bytes whatever the number of nodes; a selected start or end cursor is its edge's and resumes there", async () => {
    const withNodes = (count: number) => {
      const others = Array.from({ length: count - 1 }, (_, i) => [
        `n${String(i).padStart(2, "0")}`,
        { events: eventsAt(`n${String(i).padStart(2, "0")}`, 3, 23).map((event) => ({ ...event, startsAt: new Date(event.startsAt.getTime() + 365 * 24 * 3600_000) })), participants: [] },
      ]);
      return new FakeNodes({ hst: { events: eventsAt("hst", 25, 8), participants: [] }, ...Object.fromEntries(others) });
    };
    const BARE = `query { events(first: 20) { edges { node { id title } } pageInfo { hasNextPage } } }`;
    const [five, forty]: any[] = [await route(withNodes(5), BARE), await route(withNodes(40), BARE)];
    expect(five.data.events.edges).toHaveLength(20);
    expect(JSON.stringify(forty)).toBe(JSON.stringify(five));
    const ENDING = `query { events(first: 20) { edges { cursor node { id } } pageInfo { startCursor endCursor } } }`;
    const ending: any = await route(withNodes(40), `query { events(first: 20) { edges { node { id } } pageInfo { endCursor } } }`);
    const full: any = await route(withNodes(40), ENDING);
    expect(ending.data.events.pageInfo.endCursor).toBe(full.data.events.pageInfo.endCursor);
    expect(full.data.events.pageInfo.startCursor).toBe(full.data.events.edges[0].cursor);
    expect(full.data.events.pageInfo.endCursor).toBe(full.data.events.edges[19].cursor);
    const resumed: any = await route(withNodes(40), `query($after: String) { events(first: 20, after: $after) { edges { node { id } } } }`, { after: ending.data.events.pageInfo.endCursor });
    expect(resumed.data.events.edges.map((edge: any) => edge.node.id).slice(0, 5)).toEqual(["hst:event:20", "hst:event:21", "hst:event:22", "hst:event:23", "hst:event:24"]);
  });

  it("gives every edge a cursor that resumes right after it", async () => {
    const nodes = consortium();
    const first: any = await route(nodes, PAGE, {});
    const third = first.data.events.edges[2];
    const resumed: any = await route(nodes, PAGE, { after: third.cursor });
    expect(resumed.data.events.edges[0].node.id).toBe(first.data.events.edges[3].node.id);
  });

  it("refuses foreign, malformed and other-filter cursors with BAD_CURSOR", async () => {
    const nodes = consortium();
    const page: any = await route(nodes, PAGE, {});
    const cursor = page.data.events.pageInfo.endCursor;
    const nodeCursor = page.data.events.edges[0].cursor.replace(/^c1\./, "k1.");
    for (const [after, extra] of [
      ["garbage", {}],
      [nodeCursor, {}],
      [cursor, { nodes: ["hst"] }],
    ] as const) {
      const body: any = await route(nodes, PAGE, { after, ...extra });
      expect(body.errors?.[0]).toMatchObject({ path: ["events"], extensions: { code: "BAD_CURSOR", field: "after" } });
    }
  });

  it("refuses a merged cursor whose position at a node is no cursor of a list, calling no node", async () => {
    const nodes = consortium();
    const page: any = await route(nodes, PAGE, {});
    const [tag, scope, body] = (page.data.events.pageInfo.endCursor as string).split(".");
    const positions = JSON.parse(Buffer.from(body!, "base64url").toString("utf8"));
    expect(Object.values(positions).some((position) => typeof position === "string" && position.startsWith("k1."))).toBe(true);
    const calls = nodes.calls.length;
    for (const bad of ["garbage", "k1.WzFd", 42]) {
      const forged = [tag, scope, Buffer.from(JSON.stringify({ ...positions, hst: bad })).toString("base64url")].join(".");
      const body: any = await route(nodes, PAGE, { after: forged });
      expect(body.errors?.[0], String(bad)).toMatchObject({ path: ["events"], extensions: { code: "BAD_CURSOR", field: "after" } });
    }
    expect(nodes.calls.length).toBe(calls);
  });

  it("returns the other nodes' events and names a node that is down; its events come back on later pages", async () => {
    const nodes = consortium();
    nodes.down.add("hst");
    const partial: any = await route(nodes, PAGE, {});
    expect(partial.errors).toEqual([expect.objectContaining({ path: ["events"], extensions: { code: "NODE_UNAVAILABLE", node: "hst" } })]);
    expect(partial.data.events.edges.map((edge: any) => edge.node.id).some((id: string) => id.startsWith("hst:"))).toBe(false);
    nodes.down.delete("hst");
    const ids = new Set(partial.data.events.edges.map((edge: any) => edge.node.id));
    let after = partial.data.events.pageInfo.endCursor;
    for (;;) {
      const body: any = await route(nodes, PAGE, { after });
      for (const edge of body.data.events.edges) {
        expect(ids.has(edge.node.id)).toBe(false);
        ids.add(edge.node.id);
      }
      if (!body.data.events.pageInfo.hasNextPage) break;
      after = body.data.events.pageInfo.endCursor;
    }
    expect(ids.size).toBe(20);
  });

  it("keeps aliases and fragments inside the connection and strips the router's own selections", async () => {
    const nodes = consortium();
    const body: any = await route(
      nodes,
      `{ list: events(first: 2) { ...Page } }
      fragment Page on EventConnection { __typename items: edges { position: cursor event: node { title } } info: pageInfo { more: hasNextPage } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data.list).sort()).toEqual(["__typename", "info", "items"]);
    expect(body.data.list.__typename).toBe("EventConnection");
    expect(body.data.list.items).toHaveLength(2);
    expect(body.data.list.items[0].position).toMatch(/^c1\./);
    expect(body.data.list.info).toEqual({ more: true });
  });
});
