/** Fails early, and readably, when a planned port is taken. */
import { createServer } from "node:net";

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: number[]): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) if (!(await isPortFree(port))) taken.push(port);
  if (taken.length) {
    throw new Error(`Port(s) ${taken.join(", ")} already in use; is another demo running? Choose another base with --port or TANDEM_PORT`);
  }
}
