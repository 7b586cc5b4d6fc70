/**
 * `npm run compose`            recompose and write infra/supergraph/
 * `npm run compose -- --check` fail when the committed files are stale
 */
import { parseArgs } from "node:util";
import { runMain } from "@tandem/shared";
import { composeSupergraph } from "../supergraph/compose.js";
import { staleFiles, writeComposition, SUPERGRAPH_DIR } from "../supergraph/files.js";

runMain(async () => {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
  const composition = await composeSupergraph();
  for (const hint of composition.hints) console.log(`hint: ${hint}`);
  if (values.check) {
    const stale = staleFiles(composition);
    if (stale.length) throw new Error(`The committed supergraph is stale (${stale.join(", ")}); run npm run compose and commit the result`);
    console.log("supergraph is up to date");
    return;
  }
  const written = writeComposition(composition);
  console.log(`wrote ${written.join(", ")} to ${SUPERGRAPH_DIR}`);
});
