/** A benchmark's node process: waiting for it to answer, and for it to stop cleanly. */
import type { ChildProcess } from "node:child_process";

export async function exited(child: ChildProcess): Promise<void> {
  const code = await new Promise<number | null>((done) => child.on("exit", done));
  if (code !== 0) throw new Error(`node exited with ${code}`);
}

/** Polls `url` every 100 ms until it answers OK, `attempts` times at most. */
export async function healthy(url: string, attempts: number): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} never became healthy`);
}
