/**
 * Preloaded into a process under test (NODE_OPTIONS=--import=…; Node 20
 * refuses --cpu-prof there): records a V8 CPU profile from start to exit and
 * writes it to $TANDEM_CPU_PROFILE_DIR as a .cpuprofile for Chrome DevTools
 * or speedscope. With $TANDEM_CPU_PROFILE_NODE set, only the node of that
 * NODE_ID records (one node of a consortium whose nodes share one environment).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const dir = process.env.TANDEM_CPU_PROFILE_DIR;
const onlyNode = process.env.TANDEM_CPU_PROFILE_NODE;
if (dir && (!onlyNode || onlyNode === process.env.NODE_ID)) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.on("exit", () => {
    // a session in the same thread answers synchronously, so this completes before the process ends
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
