/**
 * The consortium registry: which nodes exist, where they run and who they
 * are. Read from `infra/registry/*.json`; every party validates it on load.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { NODE_ID_PATTERN } from "./ids.js";

export const RegisteredNodeSchema = z.object({
  id: z.string().regex(NODE_ID_PATTERN, "node ids are 2–16 lowercase letters or digits"),
  name: z.string().min(1),
  shortName: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 country code"),
  city: z.string().min(1),
  timeZone: z.string().min(1),
  url: z.url(),
});
export type RegisteredNode = z.infer<typeof RegisteredNodeSchema>;

export const RegistrySchema = z
  .object({
    consortium: z.object({ id: z.string().min(1), name: z.string().min(1) }),
    coordination: z.object({ id: z.string().regex(NODE_ID_PATTERN), name: z.string().min(1), url: z.url() }),
    nodes: z.array(RegisteredNodeSchema).min(1),
  })
  .superRefine((registry, ctx) => {
    const seen = new Set<string>([registry.coordination.id]);
    registry.nodes.forEach((node, index) => {
      if (seen.has(node.id)) ctx.addIssue({ code: "custom", path: ["nodes", index, "id"], message: `duplicate id "${node.id}"` });
      seen.add(node.id);
    });
  });
export type ConsortiumRegistry = z.infer<typeof RegistrySchema>;

export function parseRegistry(value: unknown): ConsortiumRegistry {
  const result = RegistrySchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid consortium registry:\n  - ${problems.join("\n  - ")}`);
  }
  return result.data;
}

export function loadRegistry(path: string): ConsortiumRegistry {
  return parseRegistry(JSON.parse(readFileSync(path, "utf8")));
}
