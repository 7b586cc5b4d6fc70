import { Field, Float, InputType, ObjectType } from "type-graphql";
import { IsNumber, IsOptional, Max, Min } from "class-validator";
import { CRITERIA, MAX_WEIGHT, MIN_WEIGHT, type MatchingWeights as Weights } from "../../matching/criteria.js";

/** A criterion's sub-score description, for the schema. */
const about = (weight: keyof Weights) => {
  const definition = CRITERIA.find((candidate) => candidate.weight === weight)!;
  return `Weight (${MIN_WEIGHT}–${MAX_WEIGHT}) of ${definition.criterion}: ${definition.description}`;
};

@ObjectType({
  description: "A programme's weights of the matching criteria. A pair's score is Σ weight × sub-score (each sub-score 0..1, 4 decimals) over the criteria; each proposal carries that breakdown.",
})
export class MatchingWeights implements Weights {
  @Field(() => Float, { description: about("track") })
  track: number;

  @Field(() => Float, { description: about("discipline") })
  discipline: number;

  @Field(() => Float, { description: about("goals") })
  goals: number;

  @Field(() => Float, { description: about("experienceGap") })
  experienceGap: number;

  @Field(() => Float, { description: about("formatRegion") })
  formatRegion: number;

  @Field(() => Float, { description: about("languageDepth") })
  languageDepth: number;

  static of(weights: Weights): MatchingWeights {
    const { track, discipline, goals, experienceGap, formatRegion, languageDepth } = weights;
    return Object.assign(new MatchingWeights(), { track, discipline, goals, experienceGap, formatRegion, languageDepth });
  }
}

const weightField = (weight: keyof Weights) => Field(() => Float, { nullable: true, description: `${about(weight)} Omit to keep the current weight.` });

@InputType({ description: "New weights of a programme's matching criteria, each 0–10; omitted ones keep their current value." })
export class MatchingWeightsInput implements Partial<Weights> {
  @weightField("track")
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  track?: number;

  @weightField("discipline")
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  discipline?: number;

  @weightField("goals")
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  goals?: number;

  @weightField("experienceGap")
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  experienceGap?: number;

  @weightField("formatRegion")
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  formatRegion?: number;

  @weightField("languageDepth")
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  languageDepth?: number;
}
