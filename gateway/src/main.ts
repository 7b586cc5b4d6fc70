/** Process entry of the gateway. */
import { runMain } from "@tandem/shared";
import { loadGatewayConfig } from "./env.js";
import { startGateway } from "./gateway.js";

runMain(async () => {
  const gateway = await startGateway(loadGatewayConfig(process.env));
  const shutdown = () => {
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
});
