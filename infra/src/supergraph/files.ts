/**
 * The committed composition: the supergraph the gateway reads and the SDL of
 * each subgraph it was composed from (the gateway compares every node's SDL
 * with university.graphql).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../paths.js";
import type { Composition } from "./compose.js";

export const SUPERGRAPH_DIR = join(REPO_ROOT, "infra/supergraph");

export function compositionFiles(composition: Composition): Record<string, string> {
  const files: Record<string, string> = { "supergraph.graphql": composition.supergraph };
  for (const [name, sdl] of Object.entries(composition.subgraphs)) files[`${name}.graphql`] = sdl;
  return files;
}

export function writeComposition(composition: Composition, dir = SUPERGRAPH_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(compositionFiles(composition)).map(([file, content]) => {
    writeFileSync(join(dir, file), content.endsWith("\n") ? content : `${content}\n`);
    return file;
  });
}

/** Names of committed files that differ from a fresh composition. */
export function staleFiles(composition: Composition, dir = SUPERGRAPH_DIR): string[] {
  return Object.entries(compositionFiles(composition))
    .filter(([file, content]) => {
      const path = join(dir, file);
      const expected = content.endsWith("\n") ? content : `${content}\n`;
      return !existsSync(path) || readFileSync(path, "utf8") !== expected;
    })
    .map(([file]) => file);
}
