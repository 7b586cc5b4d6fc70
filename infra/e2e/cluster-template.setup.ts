/**
 * Builds (or finds) the migrated cluster every end-to-end consortium of this
 * run starts from, once, before the test files run (see cluster-template.ts).
 */
import type { TestProject } from "vitest/node";
import { clusterTemplate } from "../src/launcher/cluster-template.js";

declare module "vitest" {
  export interface ProvidedContext {
    clusterTemplate: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  project.provide("clusterTemplate", await clusterTemplate());
}
