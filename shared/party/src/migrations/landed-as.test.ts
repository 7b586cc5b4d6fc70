import { describe, expect, it } from "vitest";
import { AddAuditLog1795307031267, AddOutbox1795309744969, AddOutbox1795309956291, AuditLog1795306993310 } from "./index.js";

describe("a shared migration under each service's landed name", () => {
  it.each([
    [AddOutbox1795309744969, "AddOutbox1795309744969"],
    [AddOutbox1795309956291, "AddOutbox1795309956291"],
    [AddAuditLog1795307031267, "AddAuditLog1795307031267"],
    [AuditLog1795306993310, "AuditLog1795306993310"],
  ])("keeps the name TypeORM recorded it under (%s)", (migration, name) => {
    expect(new migration().name).toBe(name);
    expect(migration.name).toBe(name);
  });

  it("runs one implementation for both services", () => {
    expect(new AddOutbox1795309744969().up).toBe(new AddOutbox1795309956291().up);
    expect(new AddAuditLog1795307031267().down).toBe(new AuditLog1795306993310().down);
  });
});
