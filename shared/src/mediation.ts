/**
 * The codes of mediation (DESIGN.md §8), shared by the office, which holds
 * the cases, and the nodes, which hold what the raisers wrote.
 */

/** What a concern is about. CHECK_IN: opened by a check-in asking for contact or rating satisfaction low. */
export const MediationConcerns = ["COMMUNICATION", "EXPECTATIONS", "AVAILABILITY", "CONDUCT", "OTHER", "CHECK_IN"] as const;
export type MediationConcern = (typeof MediationConcerns)[number];

/** What a person may raise by hand (a CHECK_IN case comes from a check-in). */
export const RaisableConcerns = ["COMMUNICATION", "EXPECTATIONS", "AVAILABILITY", "CONDUCT", "OTHER"] as const satisfies readonly MediationConcern[];

/** Who mediates: the joint coordinators, or the coordinators of the raiser's home node. */
export const MediationMediators = ["JOINT_OFFICE", "HOME_NODE"] as const;
export type MediationMediator = (typeof MediationMediators)[number];

/** GraphQL enum values of the codes, the same in every subgraph (composition requires it). */
export const MediationConcernEnum = Object.fromEntries(MediationConcerns.map((code) => [code, code])) as { [K in MediationConcern]: K };
export const MediationMediatorEnum = Object.fromEntries(MediationMediators.map((code) => [code, code])) as { [K in MediationMediator]: K };
