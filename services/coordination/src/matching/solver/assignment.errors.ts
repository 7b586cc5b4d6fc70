/** The instance is not in the solver form; `issues` name each offending field, e.g. `score[3][7]: …`. */
export class InvalidInstanceError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid assignment instance:\n${issues.map((issue) => `  ${issue}`).join("\n")}`);
    this.name = "InvalidInstanceError";
  }
}
