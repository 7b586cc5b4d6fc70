import { In, type DataSource } from "typeorm";
import { repositoryOf } from "@tandem/party";
import { TandemEvaluationEntity, TandemGoalRatingEntity } from "./tandem-evaluation.entity.js";

export interface EvaluationCodes {
  evaluation: TandemEvaluationEntity;
  goals: TandemGoalRatingEntity[];
}

export class TandemEvaluationService {
  constructor(private readonly dataSource: DataSource) {}

  /** The evaluations of several tandems with their goals' ratings, two queries. */
  async byTandems(tandemIds: readonly string[]): Promise<EvaluationCodes[]> {
    if (tandemIds.length === 0) return [];
    const evaluations = await repositoryOf(this.dataSource, TandemEvaluationEntity).find({ where: { tandemId: In([...tandemIds]) }, order: { side: "ASC" } });
    const goals = await repositoryOf(this.dataSource, TandemGoalRatingEntity).find({ where: { tandemId: In([...tandemIds]) }, order: { goalKey: "ASC" } });
    return evaluations.map((evaluation) => ({ evaluation, goals: goals.filter((goal) => goal.tandemId === evaluation.tandemId && goal.side === evaluation.side) }));
  }
}
