/**
 * A round that cannot be solved as asked: an invalid pin, a node that could
 * not answer, a malformed profile. Its message becomes the round's `error`
 * as it is, so it says what to fix and names pseudonyms or nodes only.
 */
export class RoundFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RoundFailure";
  }
}

/** The round was stopped before it finished: the service is stopping. */
export class RoundInterrupted extends Error {
  constructor() {
    super("interrupted: the coordination service stopped while the round ran; start it again");
    this.name = "RoundInterrupted";
  }
}
