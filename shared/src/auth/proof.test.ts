import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { createTestTrust } from "../testkit/trust.js";
import { signProof, verifyDisclosureProof, verifyMatchingPseudonymProof, verifyProof } from "./proof.js";

const registry = {
  consortium: { id: "test", name: "Test" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [
    { id: "hst", name: "HS Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:2/graphql" },
    { id: "zcu", name: "ZCU", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: "http://127.0.0.1:3/graphql" },
  ],
};
const tandem = { type: "tandem-accepted" as const, tandemId: "coord:tandem:t1", menteeId: "hst:participant:a", mentorId: "zcu:participant:b" };
const registration = { type: "event-registration" as const, registrationId: "zcu:registration:r1", eventId: "zcu:event:e1", participantId: "hst:participant:a" };
const pseudonym = { type: "matching-pseudonym" as const, cohortId: "coord:cohort:c1", pseudonym: "mp1.abc", participantId: "hst:participant:a" };

describe("disclosure proofs", () => {
  it("verify when the right party signed them", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("coord")!, "coord", tandem), trust.registry)).resolves.toEqual({ ...tandem, issuer: "coord" });
    await expect(verifyProof(await signProof(trust.keys.get("zcu")!, "zcu", registration), trust.registry)).resolves.toEqual({ ...registration, issuer: "zcu" });
  });

  it("refuse tandem acceptances not signed by the coordination office, and registrations not signed by the event's host", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", tandem), trust.registry)).rejects.toMatchObject({ extensions: { code: "INVALID_PROOF" } });
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", registration), trust.registry)).rejects.toThrow(/host node only/);
  });

  it("refuse a claimed issuer whose key did not sign, tampering, strangers and garbage", async () => {
    const trust = await createTestTrust(registry);
    const forged = await signProof(trust.keys.get("hst")!, "coord", tandem);
    await expect(verifyProof(forged, trust.registry)).rejects.toThrow(/does not verify/);
    const genuine = await signProof(trust.keys.get("coord")!, "coord", tandem);
    const [header, , signature] = genuine.split(".");
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...tandem, proof: "tandem-accepted", mentorId: "zcu:participant:evil", iss: "coord", exp: 9999999999 })).toString("base64url")}.${signature}`;
    await expect(verifyProof(tampered, trust.registry)).rejects.toThrow(/does not verify/);
    const stranger = await new SignJWT({ ...tandem, proof: "tandem-accepted" })
      .setProtectedHeader({ alg: "EdDSA", typ: "tandem-proof+jwt" })
      .setIssuer("mars")
      .setExpirationTime("1h")
      .sign(trust.keys.get("hst")!.key);
    await expect(verifyProof(stranger, trust.registry)).rejects.toThrow(/not a party/);
    await expect(verifyProof("garbage", trust.registry)).rejects.toMatchObject({ extensions: { code: "INVALID_PROOF", field: "proof" } });
  });
});

describe("matching pseudonym proofs", () => {
  it("verify when the participant's home node signed them", async () => {
    const trust = await createTestTrust(registry);
    const proof = await signProof(trust.keys.get("hst")!, "hst", pseudonym);
    await expect(verifyProof(proof, trust.registry)).resolves.toEqual({ ...pseudonym, issuer: "hst" });
    await expect(verifyMatchingPseudonymProof(proof, trust.registry, "answer")).resolves.toEqual({ ...pseudonym, issuer: "hst" });
  });

  it("refuse any other signer: another node, the coordination office, or a node claiming to be the home node", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("zcu")!, "zcu", pseudonym), trust.registry)).rejects.toThrow(/home node only/);
    await expect(verifyProof(await signProof(trust.keys.get("coord")!, "coord", pseudonym), trust.registry)).rejects.toThrow(/home node only/);
    await expect(verifyProof(await signProof(trust.keys.get("zcu")!, "hst", pseudonym), trust.registry)).rejects.toThrow(/does not verify/);
  });

  it("refuse ids that are not a participant and a cohort of the coordination office", async () => {
    const trust = await createTestTrust(registry);
    const hst = trust.keys.get("hst")!;
    await expect(verifyProof(await signProof(hst, "hst", { ...pseudonym, participantId: "hst:event:e1" }), trust.registry)).rejects.toThrow(/malformed matching pseudonym/);
    await expect(verifyProof(await signProof(hst, "hst", { ...pseudonym, cohortId: "hst:cohort:c1" }), trust.registry)).rejects.toThrow(/malformed matching pseudonym/);
  });

  it("are not disclosure proofs, and disclosure proofs are not pseudonym proofs", async () => {
    const trust = await createTestTrust(registry);
    const matching = await signProof(trust.keys.get("hst")!, "hst", pseudonym);
    await expect(verifyDisclosureProof(matching, trust.registry)).rejects.toMatchObject({
      extensions: { code: "INVALID_PROOF", field: "proof" },
      message: expect.stringMatching(/grants no disclosure/),
    });
    const tandemProof = await signProof(trust.keys.get("coord")!, "coord", tandem);
    await expect(verifyDisclosureProof(tandemProof, trust.registry)).resolves.toEqual({ ...tandem, issuer: "coord" });
    await expect(verifyMatchingPseudonymProof(tandemProof, trust.registry, "answer")).rejects.toMatchObject({ extensions: { code: "INVALID_PROOF", field: "answer" } });
  });
});

describe("journey proofs", () => {
  const rules = {
    type: "programme-rules" as const,
    programmeId: "coord:programme:p1",
    version: 2,
    rules: { mentee: { minSemester: { BACHELOR: 3 } }, mentor: { backgrounds: ["PROFESSIONAL" as const], minExperienceYears: null }, languages: [] },
    reviewer: "HOME_NODE" as const,
    participatingNodeIds: ["hst", "zcu"],
    trackCodes: ["health"],
  };
  const record = {
    type: "application-record" as const,
    applicationId: "hst:application:a1",
    cohortId: "coord:cohort:c1",
    participantId: "hst:participant:a",
    role: "MENTEE" as const,
    trackCodes: ["health"],
    eligible: true,
    ruleVersion: 2,
    status: "SUBMITTED" as const,
    sharedWithJointOffice: false,
    submittedAt: "2026-12-01T10:00:00.000Z",
    revision: 1,
  };

  it("verify programme rules from the coordination office and application records from the applicant's home node", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("coord")!, "coord", rules), trust.registry)).resolves.toEqual({ ...rules, issuer: "coord" });
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", record), trust.registry)).resolves.toEqual({ ...record, issuer: "hst" });
  });

  it("refuse rules from a node, a record from another node, and malformed claims naming the field", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", rules), trust.registry)).rejects.toThrow(/coordination office only/);
    await expect(verifyProof(await signProof(trust.keys.get("zcu")!, "zcu", record), trust.registry)).rejects.toThrow(/applicant's home node only/);
    const malformed = { ...record, status: "MAYBE" } as unknown as typeof record;
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", malformed), trust.registry)).rejects.toThrow(/malformed application-record \(status:/);
  });
});

describe("survey proofs", () => {
  const survey = {
    type: "interest-survey" as const,
    surveyId: "coord:interest-survey:00000000-0000-4000-8000-000000000001",
    cohortId: "coord:cohort:00000000-0000-4000-8000-000000000002",
    topics: [
      { code: "PITCH", title: "Pitching" },
      { code: "CV", title: "CV and interviews" },
    ],
    closesAt: "2027-12-01T18:00:00.000Z",
    state: "OPEN" as const,
    revision: 1,
  };
  const tally = { type: "survey-tally" as const, surveyId: survey.surveyId, respondents: 2, points: [{ code: "PITCH", points: 3 }], revision: 1 };

  it("verify a survey signed by the coordination office and a tally signed by a node", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("coord")!, "coord", survey), trust.registry)).resolves.toEqual({ ...survey, issuer: "coord" });
    await expect(verifyProof(await signProof(trust.keys.get("zcu")!, "zcu", tally), trust.registry)).resolves.toEqual({ ...tally, issuer: "zcu" });
  });

  it("refuse a survey from a node, a tally from the office, a tally of fewer than two people, and a survey id of another party", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", survey), trust.registry)).rejects.toThrow(/coordination office only/);
    await expect(verifyProof(await signProof(trust.keys.get("coord")!, "coord", tally), trust.registry)).rejects.toThrow(/home node only/);
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", { ...tally, respondents: 1 }), trust.registry)).rejects.toThrow(/malformed survey-tally \(respondents/);
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", { ...tally, surveyId: "hst:interest-survey:x1" }), trust.registry)).rejects.toThrow(/survey id/);
  });
});

describe("peer-group rosters", () => {
  const roster = {
    type: "peer-group" as const,
    peerGroupId: "coord:peer-group:00000000-0000-4000-8000-000000000003",
    cohortId: "coord:cohort:00000000-0000-4000-8000-000000000002",
    members: ["hst:participant:a", "zcu:participant:b"],
    meetingsCount: true,
    revision: 2,
  };

  it("verify a roster signed by the coordination office", async () => {
    const trust = await createTestTrust(registry);
    await expect(verifyProof(await signProof(trust.keys.get("coord")!, "coord", roster), trust.registry)).resolves.toEqual({ ...roster, issuer: "coord" });
  });

  it("refuse a roster signed by a node, naming something else than participants, a member twice, or a group of another party", async () => {
    const trust = await createTestTrust(registry);
    const coord = (claims: typeof roster) => signProof(trust.keys.get("coord")!, "coord", claims);
    await expect(verifyProof(await signProof(trust.keys.get("hst")!, "hst", roster), trust.registry)).rejects.toThrow(/coordination office only/);
    await expect(verifyProof(await coord({ ...roster, members: ["hst:registration:r1"] }), trust.registry)).rejects.toThrow(/members are participant ids/);
    await expect(verifyProof(await coord({ ...roster, members: ["hst:participant:a", "hst:participant:a"] }), trust.registry)).rejects.toThrow(/named twice/);
    await expect(verifyProof(await coord({ ...roster, peerGroupId: "hst:peer-group:g1" }), trust.registry)).rejects.toThrow(/group id/);
  });
});
