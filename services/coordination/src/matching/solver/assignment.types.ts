/**
 * The solver form of issue 5: what the offline command reads and the matching
 * round builds. `score[i][j]` scores mentee i with mentor j; `null` forbids the
 * pair. Any finite score is allowed, negative ones too: a pair with a negative
 * score is still a pair, and the number of matched mentees comes first.
 */
export interface AssignmentMentor {
  id: string;
  /** Most mentees this mentor takes; a whole number ≥ 0. */
  capacity: number;
}

export interface AssignmentInstance {
  mentees: string[];
  mentors: AssignmentMentor[];
  score: (number | null)[][];
}

export type AssignmentPair = [mentee: string, mentor: string];

/**
 * An optimal assignment: no other has more `matched` mentees, and none with as
 * many has a larger `total` score. `pairs` follow the order of `mentees`.
 */
export interface AssignmentResult {
  pairs: AssignmentPair[];
  matched: number;
  total: number;
}
