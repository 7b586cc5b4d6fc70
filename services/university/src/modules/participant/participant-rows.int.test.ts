import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsByKey } from "@tandem/party";
import { ParticipantEntity } from "./participant.entity.js";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CREATE_PARTICIPANT, ok, participantInput } from "../../../test/fixtures.js";

describe("reading participants by id without the query builder", () => {
  let node: TestNode;
  const ids: string[] = [];
  beforeAll(async () => {
    node = await startTestNode("hst");
    const people = [
      participantInput({ role: "MENTEE", phone: "+49 651 8103 0", about: "Writes about sensors", organisation: "Institut für Informatik" }),
      participantInput({ role: "MENTOR", degreeLevel: null, semester: null, discipline: null, languages: [], tracks: [], employer: "Trier Health", experienceYears: 12 }),
    ];
    for (const input of people) ids.push((await ok(node, CREATE_PARTICIPANT, { node: "hst", input })).createParticipant.id.split(":")[2]);
  });
  afterAll(() => node.stop());

  it("gives every column as TypeORM hydrates it, and leaves out ids it does not hold", async () => {
    const { dataSource } = node.node.database;
    const viaOrm = await dataSource.getRepository(ParticipantEntity).findBy(ids.map((id) => ({ id })));
    const viaRows = await rowsByKey(dataSource.manager, ParticipantEntity, [...ids, "00000000-0000-4000-8000-000000000000"]);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const properties = dataSource.getMetadata(ParticipantEntity).columns.map((column) => column.propertyName);
    const values = (row: ParticipantEntity) => Object.fromEntries(properties.map((property) => [property, row[property as keyof ParticipantEntity]]));
    expect(viaRows).toHaveLength(2);
    expect(byId(viaRows).map(values)).toStrictEqual(byId(viaOrm).map(values));
    expect(viaRows[0]).toBeInstanceOf(ParticipantEntity);
  });

  it("parses timestamps and arrays when they are first read, and keeps what is assigned", async () => {
    const { dataSource } = node.node.database;
    const [row] = await rowsByKey(dataSource.manager, ParticipantEntity, [ids[0]!]);
    expect(Object.keys(row!)).not.toContain("createdAt");
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.languages).toStrictEqual(["de", "en"]);
    expect(row!.languages).toBe(row!.languages);
    row!.tracks = ["stem"];
    expect(row!.tracks).toStrictEqual(["stem"]);
    expect(Object.keys(row!)).toEqual(expect.arrayContaining(["createdAt", "languages", "tracks"]));
  });

  it("reads only the columns named, and says which when another is read", async () => {
    const { dataSource } = node.node.database;
    const [row] = await rowsByKey(dataSource.manager, ParticipantEntity, [ids[0]!], ["displayName", "createdAt"]);
    const [whole] = await rowsByKey(dataSource.manager, ParticipantEntity, [ids[0]!]);
    expect({ id: row!.id, displayName: row!.displayName, createdAt: row!.createdAt }).toStrictEqual({ id: whole!.id, displayName: whole!.displayName, createdAt: whole!.createdAt });
    expect(() => row!.email).toThrow("ParticipantEntity.email was not read (rowsByKey read id, displayName, createdAt only)");
    await expect(rowsByKey(dataSource.manager, ParticipantEntity, [ids[0]!], ["nickname" as "email"])).rejects.toThrow("ParticipantEntity.nickname: no such column to read");
  });
});
