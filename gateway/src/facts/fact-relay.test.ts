import { describe, expect, it } from "vitest";
import { createLogger } from "@tandem/shared";
import type { FeedSink } from "../parties/party-feed.js";
import { FactRelay, type FactParty, type LoggedFactDto } from "./fact-relay.js";

/** A party in memory: its log of facts per receiver, and what it applied of each source. */
class MemoryParty implements FactParty {
  readonly log = new Map<string, LoggedFactDto[]>();
  readonly applied: { source: string; proof: string }[] = [];
  readonly positions = new Map<string, string>();
  readonly sinks = new Map<string, FeedSink>();
  down = false;
  private seq = 0;

  constructor(readonly id: string) {}

  publish(receiver: string, proof: string): void {
    this.log.set(receiver, [...(this.log.get(receiver) ?? []), { seq: String(++this.seq), proof }]);
    this.sinks.get(receiver)?.next({ cursor: "c", kind: "FACT", refs: {}, at: "" });
  }

  async factsSince(receiver: string, after: string | null, limit: number) {
    this.failIfDown();
    return (this.log.get(receiver) ?? []).filter((fact) => BigInt(fact.seq) > BigInt(after ?? "0")).slice(0, limit);
  }

  async factHeads() {
    this.failIfDown();
    return [...this.log].map(([receiver, facts]) => ({ receiver, head: facts.at(-1)!.seq }));
  }

  async factPositions() {
    this.failIfDown();
    return [...this.positions].map(([source, position]) => ({ source, position }));
  }

  async receiveFacts(source: string, facts: readonly LoggedFactDto[]) {
    this.failIfDown();
    let applied = 0;
    for (const fact of facts) {
      if (this.applied.some((entry) => entry.source === source && entry.proof === fact.proof)) continue;
      this.applied.push({ source, proof: fact.proof });
      applied++;
    }
    const position = facts.reduce((max, fact) => (BigInt(fact.seq) > BigInt(max) ? fact.seq : max), this.positions.get(source) ?? "0");
    this.positions.set(source, position);
    return { position, applied, duplicates: facts.length - applied, refused: 0 };
  }

  watchFacts(receiver: string, sink: FeedSink) {
    this.sinks.set(receiver, sink);
    return () => this.sinks.delete(receiver);
  }

  private failIfDown(): void {
    if (this.down) throw new Error(`Node ${this.id} is unavailable`);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const logger = createLogger("test", "silent");

describe("delivery of facts", () => {
  it("delivers each source's facts to their receivers at a sweep, and reports where each pair stands", async () => {
    const [coord, hst, zcu] = ["coord", "hst", "zcu"].map((id) => new MemoryParty(id)) as [MemoryParty, MemoryParty, MemoryParty];
    coord.publish("hst", "accepted-1");
    coord.publish("zcu", "accepted-1");
    zcu.publish("hst", "registration-1");
    const relay = new FactRelay([coord, hst, zcu], 60_000, logger);
    await relay.sweep();
    await settle();
    expect(hst.applied).toEqual(
      expect.arrayContaining([
        { source: "coord", proof: "accepted-1" },
        { source: "zcu", proof: "registration-1" },
      ]),
    );
    expect(zcu.applied).toEqual([{ source: "coord", proof: "accepted-1" }]);
    expect(relay.deliveries().find((state) => state.source === "coord" && state.receiver === "zcu")).toMatchObject({ position: "2", pending: 0, delivered: 1, lastError: null });
  });

  it("delivers at once when a source publishes, without waiting for the sweep", async () => {
    const [coord, hst] = [new MemoryParty("coord"), new MemoryParty("hst")];
    const relay = new FactRelay([coord, hst], 60_000, logger);
    relay.start();
    await settle();
    coord.publish("hst", "accepted-2");
    await settle();
    expect(hst.applied).toEqual([{ source: "coord", proof: "accepted-2" }]);
    await relay.stop();
  });

  it("catches a receiver up that was down, from its own position, applying nothing twice", async () => {
    const [coord, hst] = [new MemoryParty("coord"), new MemoryParty("hst")];
    const relay = new FactRelay([coord, hst], 60_000, logger);
    coord.publish("hst", "accepted-3");
    await relay.sweep();
    await settle();
    hst.down = true;
    coord.publish("hst", "ended-3");
    coord.publish("hst", "accepted-4");
    await relay.sweep();
    await settle();
    expect(relay.deliveries().find((state) => state.receiver === "hst")!.lastError).toMatch(/hst is unavailable/);
    hst.down = false;
    await relay.sweep();
    await settle();
    expect(hst.applied.map((entry) => entry.proof)).toEqual(["accepted-3", "ended-3", "accepted-4"]);
    expect(relay.deliveries().find((state) => state.receiver === "hst")).toMatchObject({ position: "3", lastError: null });
  });

  it("lets two gateways deliver the same facts: the receiver's own record keeps each once", async () => {
    const [coord, hst] = [new MemoryParty("coord"), new MemoryParty("hst")];
    for (let i = 0; i < 250; i++) coord.publish("hst", `fact-${i}`);
    const relays = [new FactRelay([coord, hst], 60_000, logger), new FactRelay([coord, hst], 60_000, logger)];
    await Promise.all(relays.map((relay) => relay.sweep()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hst.applied).toHaveLength(250);
    expect(hst.positions.get("coord")).toBe("250");
  });
});
