/**
 * Texts in several languages through the gateway, on real processes over
 * real HTTP (README: Languages): the client's Accept-Language reaches the
 * coordination office and the node, each text answers in it, and calls in
 * flight that the gateway shares stay within one language — even for the
 * same person, whose identical calls always share.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchE2E, who, type E2EConsortium } from "./harness.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";

const ROUNDS = 8;
const AT_ONCE = 12;
const TEXTS = `query Texts($programmeId: ID!, $eventId: ID!) { programme(id: $programmeId) { name tracks { name } } event(id: $eventId) { title description } }`;

let e2e: E2EConsortium;
let gateway: RecordingGateway;
let ids: { programmeId: string; eventId: string };

const ANSWERS: Record<string, unknown> = {
  cs: {
    programme: { name: "careerSTEPS – přeshraniční mentoring", tracks: [{ name: "Inženýrství a informatika" }] },
    event: { title: "Zahájení přeshraničního mentoringu", description: "Tandemy se poprvé setkají." },
  },
  de: {
    programme: { name: "careerSTEPS – grenzüberschreitendes Mentoring", tracks: [{ name: "Ingenieurwesen und Informatik" }] },
    event: { title: "Auftakt des grenzüberschreitenden Mentorings", description: "Die Tandems treffen sich zum ersten Mal." },
  },
  en: {
    programme: { name: "careerSTEPS languages e2e", tracks: [{ name: "Engineering and computing" }] },
    event: { title: "Cross-border mentoring kick-off", description: "The tandems meet for the first time." },
  },
};

beforeAll(async () => {
  e2e = await launchE2E(["zcu"]);
  gateway = await startRecordingGateway(e2e, 0, { env: { COALESCE: "on", PARTY_QUEUE: "10000" } });
  const { createProgramme } = await e2e.as(who.jointCoordinator()).data(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
    input: {
      name: "careerSTEPS languages e2e",
      description: "",
      translations: [
        { language: "cs", name: "careerSTEPS – přeshraniční mentoring" },
        { language: "de", name: "careerSTEPS – grenzüberschreitendes Mentoring" },
      ],
      tracks: [
        {
          code: "engineering",
          name: "Engineering and computing",
          translations: [
            { language: "cs", name: "Inženýrství a informatika" },
            { language: "de", name: "Ingenieurwesen und Informatik" },
          ],
        },
      ],
      participatingNodeIds: ["zcu"],
    },
  });
  const startsAt = new Date(Date.now() + 14 * 24 * 3600_000);
  const { createEvent } = await e2e.as(who.coordinator("zcu")).data(`mutation($input: CreateEventInput!) { createEvent(node: "zcu", input: $input) { id } }`, {
    input: {
      kind: "KICK_OFF",
      title: "Cross-border mentoring kick-off",
      description: "The tandems meet for the first time.",
      translations: [
        { language: "cs", title: "Zahájení přeshraničního mentoringu", description: "Tandemy se poprvé setkají." },
        { language: "de", title: "Auftakt des grenzüberschreitenden Mentorings", description: "Die Tandems treffen sich zum ersten Mal." },
      ],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
      timeZone: "Europe/Prague",
      format: "IN_PERSON",
      location: "University of West Bohemia, Univerzitní 8, Plzeň",
      capacity: 40,
    },
  });
  ids = { programmeId: createProgramme.id, eventId: createEvent.id };
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await e2e?.stop();
});

describe("Accept-Language through the gateway", () => {
  it("reaches the coordination office and the node, and every text answers in it", async () => {
    const coordinator = gateway.as(who.coordinator("zcu"));
    for (const [header, language] of [
      ["cs-CZ,cs;q=0.9", "cs"],
      ["de-AT, en;q=0.5", "de"],
      ["fr", "en"],
    ] as const) {
      gateway.clear();
      const result = await coordinator.gateway(TEXTS, ids, { "accept-language": header });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(ANSWERS[language]);
      const parties = gateway.exchanges().filter((exchange) => exchange.requestBody.includes("Texts"));
      expect(new Set(parties.map((exchange) => exchange.party))).toEqual(new Set(["coord", "zcu"]));
      for (const exchange of parties) expect(exchange.requestHeaders["accept-language"]).toBe(header);
    }
  }, 60_000);

  it("never gives a caller an answer made for another language, though identical calls in flight are shared", async () => {
    const callers = [who.coordinator("zcu"), who.jointCoordinator()];
    gateway.clear();
    let sent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const requests = Array.from({ length: AT_ONCE }, (_, index) => {
        const language = (["cs", "de", "en"] as const)[index % 3]!;
        return { language, answer: gateway.as(callers[index % 2]!).gateway(TEXTS, ids, { "accept-language": language }) };
      });
      sent += requests.length;
      for (const { language, answer } of requests) {
        const result = await answer;
        expect(result.errors).toBeUndefined();
        expect(result.data, language).toEqual(ANSWERS[language]);
      }
    }
    // coalescing was at work: fewer calls reached the node than were sent
    const nodeCalls = gateway.exchanges().filter((exchange) => exchange.party === "zcu" && exchange.requestBody.includes("Texts"));
    expect(nodeCalls.length).toBeLessThan(sent);
    for (const exchange of nodeCalls) expect(["cs", "de", "en"]).toContain(exchange.requestHeaders["accept-language"]);
  }, 120_000);
});
