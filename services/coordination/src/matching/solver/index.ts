export { solveAssignment } from "./solve-assignment.js";
export { validateInstance } from "./assignment.validation.js";
export { InvalidInstanceError } from "./assignment.errors.js";
export type { AssignmentInstance, AssignmentMentor, AssignmentPair, AssignmentResult } from "./assignment.types.js";
