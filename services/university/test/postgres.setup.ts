import type { TestProject } from "vitest/node";
import { startTestPostgres, type TestPostgres } from "@tandem/party/testkit";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: TestPostgres;
  }
}

export default async function setup(project: TestProject) {
  const { info, stop } = await startTestPostgres();
  project.provide("postgres", info);
  return stop;
}
