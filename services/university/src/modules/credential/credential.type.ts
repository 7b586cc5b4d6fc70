import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeISOResolver, JSONResolver } from "graphql-scalars";
import { formatGlobalId, homeNodeOf } from "@tandem/shared";
import { CohortRoleEnum } from "../package/package.type.js";
import type { IssuedCredentialEntity } from "./credential.entity.js";

export const CREDENTIAL_KIND = "credential";

@ObjectType({ description: "A certificate the holder's home node issued: an Open Badges 3.0 credential signed with the node's registry key. For the holder and their home node's coordinators." })
export class Credential {
  @Field(() => ID, { description: "Global id at the issuing node (hst:credential:<uuid>); the signed document's id is urn:uuid:<uuid>." })
  id: string;

  @Field(() => ID, { nullable: true, description: "The holder; null once their data was erased." })
  participantId: string | null;

  @Field(() => CohortRoleEnum, { description: "MENTEE: the mentoring certificate; MENTOR: the participation certificate." })
  role: "MENTEE" | "MENTOR";

  @Field(() => ID)
  cohortId: string;

  @Field(() => String, { description: "The language the credential's texts are written in (de, en, fr, cs)." })
  language: string;

  @Field(() => DateTimeISOResolver)
  issuedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the issuing node revoked it (kept here; the public status list carries only the bit)." })
  revocationReason: string | null;

  @Field(() => JSONResolver, { nullable: true, description: "The signed credential (JSON-LD, Data Integrity proof eddsa-rdfc-2022), to share or check offline; null once erased." })
  credential: Record<string, unknown> | null;

  @Field(() => String, { description: "The public verification page (the QR code's target): anyone with the link sees the verdict and what the credential says, until the holder's data is erased." })
  verificationUrl: string;

  /** The table row, for the pdf field. */
  entity: IssuedCredentialEntity;

  static fromEntity(entity: IssuedCredentialEntity, nodeId: string, verificationUrl: string): Credential {
    return Object.assign(new Credential(), {
      id: formatGlobalId(nodeId, CREDENTIAL_KIND, entity.id),
      participantId: entity.participantId ? formatGlobalId(nodeId, "participant", entity.participantId) : null,
      role: entity.role,
      cohortId: entity.cohortId,
      language: entity.language,
      issuedAt: entity.issuedAt,
      revokedAt: entity.revokedAt,
      revocationReason: entity.revocationReason,
      credential: entity.document,
      verificationUrl,
      entity,
    });
  }
}

/** The holder of a credential row (a global participant id), or null once erased. */
export function holderOf(credential: Pick<Credential, "participantId">): string | null {
  return credential.participantId && homeNodeOf(credential.participantId) ? credential.participantId : null;
}
