import { MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { MAX_ID_LENGTH } from "../common/ids.js";

/** A compact JWS is far shorter; anything longer is not a proof. */
const MAX_PROOF_LENGTH = 4000;
const PROOF_DESCRIPTION = "Your home node's matching-pseudonym proof for this cohort (Query.myMatchingPseudonym at your node): it shows the pseudonym is yours.";

@ArgsType()
export class RespondToProposalArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  proposalId: string;

  @Field(() => Boolean, { description: "true accepts; false declines (both return to the re-match pool, and this pair is not proposed again)." })
  accept: boolean;

  @Field(() => String, { description: PROOF_DESCRIPTION })
  @MaxLength(MAX_PROOF_LENGTH)
  pseudonymProof: string;
}

@ArgsType()
export class MyProposalsArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => String, { description: PROOF_DESCRIPTION })
  @MaxLength(MAX_PROOF_LENGTH)
  pseudonymProof: string;
}
