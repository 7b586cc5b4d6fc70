import { describe, expect, it } from "vitest";
import { CallLimit } from "./call-limit.js";

/** A call that holds its slot until released. */
function held(): { work: () => Promise<string>; release: (value: string) => void; started: () => boolean } {
  let release!: (value: string) => void;
  let started = false;
  const answer = new Promise<string>((resolve) => (release = resolve));
  return {
    work: () => {
      started = true;
      return answer;
    },
    release: (value) => release(value),
    started: () => started,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("a party's call limit", () => {
  it("runs up to its concurrency at once, queues the next in order, and passes each freed slot to the first waiting", async () => {
    const limit = new CallLimit({ maxConcurrency: 2, queue: 2, queueTimeoutMs: 10_000 });
    const calls = [held(), held(), held(), held()];
    const outcomes = calls.map((call) => limit.run(call.work));
    await tick();
    expect(calls.map((call) => call.started())).toEqual([true, true, false, false]);
    expect([limit.inFlight, limit.queued]).toEqual([2, 2]);
    calls[1]!.release("b");
    await tick();
    expect(calls.map((call) => call.started())).toEqual([true, true, true, false]);
    calls[0]!.release("a");
    calls[2]!.release("c");
    await tick();
    calls[3]!.release("d");
    expect(await Promise.all(outcomes)).toEqual(["a", "b", "c", "d"].map((value) => ({ ran: true, value })));
    expect([limit.inFlight, limit.queued, limit.refused]).toEqual([0, 0, 0]);
  });

  it("refuses at once, without running it, a call that finds the queue full, with a retry hint within the queue's wait", async () => {
    const limit = new CallLimit({ maxConcurrency: 1, queue: 1, queueTimeoutMs: 2_000 });
    const [first, second, third] = [held(), held(), held()];
    const running = [limit.run(first.work), limit.run(second.work)];
    const refused = await limit.run(third.work);
    expect(third.started()).toBe(false);
    expect(refused).toEqual({ ran: false, refusal: { reason: "queue full", retryAfterMs: expect.any(Number) } });
    const { retryAfterMs } = (refused as { refusal: { retryAfterMs: number } }).refusal;
    expect(retryAfterMs).toBeGreaterThanOrEqual(50);
    expect(retryAfterMs).toBeLessThanOrEqual(2_000);
    first.release("a");
    await tick();
    second.release("b");
    expect(await Promise.all(running)).toEqual([
      { ran: true, value: "a" },
      { ran: true, value: "b" },
    ]);
    expect(limit.refused).toBe(1);
  });

  it("refuses a call that waited its queue timeout for a slot, and never runs it", async () => {
    const limit = new CallLimit({ maxConcurrency: 1, queue: 5, queueTimeoutMs: 50 });
    const [first, second] = [held(), held()];
    const running = limit.run(first.work);
    const started = performance.now();
    const waited = await limit.run(second.work);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(waited).toMatchObject({ ran: false, refusal: { reason: "waited too long" } });
    expect(limit.queued).toBe(0);
    first.release("a");
    await running;
    await tick();
    expect(second.started()).toBe(false);
    expect(limit.inFlight).toBe(0);
  });

  it("refuses at once a call that would wait longer than the queue timeout at the party's recent pace", async () => {
    const limit = new CallLimit({ maxConcurrency: 1, queue: 100, queueTimeoutMs: 300 });
    const slow = held();
    const running = limit.run(slow.work);
    await new Promise((resolve) => setTimeout(resolve, 200));
    slow.release("slow");
    await running;
    // the last call took about 200 ms: one waiting call is fine, a second would wait about 400 ms
    const [first, second, third] = [held(), held(), held()];
    const outcomes = [limit.run(first.work), limit.run(second.work)];
    const started = performance.now();
    expect(await limit.run(third.work)).toMatchObject({ ran: false, refusal: { reason: "queue too slow" } });
    expect(performance.now() - started).toBeLessThan(100);
    first.release("a");
    await tick();
    second.release("b");
    expect((await Promise.all(outcomes)).map((outcome) => outcome.ran)).toEqual([true, true]);
  });

  it("with no queue, refuses as soon as every slot is taken", async () => {
    const limit = new CallLimit({ maxConcurrency: 1, queue: 0, queueTimeoutMs: 1_000 });
    const first = held();
    const running = limit.run(first.work);
    expect(await limit.run(held().work)).toMatchObject({ ran: false, refusal: { reason: "queue full" } });
    first.release("a");
    expect(await running).toEqual({ ran: true, value: "a" });
  });

  it("frees the slot of a call that failed", async () => {
    const limit = new CallLimit({ maxConcurrency: 1, queue: 0, queueTimeoutMs: 1_000 });
    await expect(limit.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit.run(() => Promise.resolve("next"))).toEqual({ ran: true, value: "next" });
  });
});
