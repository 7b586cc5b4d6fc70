/**
 * A party hands out its facts for a receiver in the order it wrote them
 * (seq), page by page, so that the gateway's delivery, which moves the
 * receiver's position to the last seq of each page, skips none — past the
 * ninth fact too, where the seqs' text order ("10" < "9") differs.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { postFeedQuery } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";
import { createProgramme } from "../test/fixtures.js";

const FACTS = `query($r: String!, $after: String, $limit: Int) { factsSince(receiver: $r, after: $after, limit: $limit) { seq } }`;

let service: TestCoordination;
beforeAll(async () => {
  service = await startTestCoordination();
});
afterAll(() => service.stop());

it("serves a receiver's facts in seq order, so that paging after the last seq of a page skips none", async () => {
  for (let i = 0; i < 12; i++) await createProgramme(service, { participatingNodeIds: ["hst"] });
  const written = (await service.sql<{ seq: string }>(`SELECT seq::text AS seq FROM facts WHERE receiver = 'hst' ORDER BY facts.seq`)).map((row) => row.seq);
  expect(written.length).toBeGreaterThanOrEqual(12);
  const served: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const answer: { body: { data?: { factsSince: { seq: string }[] } | null } } = await postFeedQuery<{ factsSince: { seq: string }[] }>(
      service.feedHttpUrl,
      FACTS,
      { r: "hst", after, limit: 5 },
      { authorization: `Bearer ${await service.token(as.system())}` },
    );
    const seqs: string[] = answer.body.data!.factsSince.map((fact) => fact.seq);
    if (seqs.length === 0) break;
    served.push(...seqs);
    after = seqs.at(-1)!;
  }
  expect(served).toEqual(written);
});
