/**
 * Fields a party does not disclose to the caller resolve to null without an
 * error of their own: the entity says which of its fields were withheld (a
 * university node's `Participant.disclosure`), and the answer carries ONE
 * NOT_DISCLOSED error summarising them: how many fields of how many
 * entities, under which rules, at the first path. A client that did not
 * select the entity's disclosure still learns that nulls in the answer may
 * be withheld values rather than empty ones. One error object per hidden
 * field per entity made the pseudonymous view the most expensive one.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type GraphQLFormattedError, type GraphQLResolveInfo } from "graphql";
import { ErrorCode } from "@tandem/shared";

type ResponsePath = GraphQLResolveInfo["path"];

export class WithheldFields {
  private count = 0;
  private readonly entities = new Set<string>();
  private readonly fields = new Set<string>();
  private readonly rules = new Set<string>();
  private first: { path: ResponsePath; rule: string } | undefined;

  /** Records that `field` of the entity `entityId` was withheld under `rule`; the field's value is null. */
  withhold(entityId: string, field: string, rule: string, path: ResponsePath): null {
    this.count++;
    this.entities.add(entityId);
    this.fields.add(field);
    this.rules.add(rule);
    this.first ??= { path, rule };
    return null;
  }

  /** The one error summarising what was withheld, or null when nothing was. */
  summary(party: string): GraphQLFormattedError | null {
    if (!this.first) return null;
    const rules = [...this.rules];
    const entities = this.entities.size;
    return {
      message: `${this.count} field${this.count === 1 ? "" : "s"} of ${entities} entit${entities === 1 ? "y" : "ies"} at ${party} not disclosed to you (${rules.join(", ")}): they are null; each entity's \`disclosure\` names its withheld fields`,
      path: pathOf(this.first.path),
      extensions: { code: ErrorCode.NOT_DISCLOSED, rule: this.first.rule, rules, fields: [...this.fields], withheld: this.count, entities },
    };
  }
}

function pathOf(path: ResponsePath | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let step = path; step; step = step.prev) keys.push(step.key);
  return keys.reverse();
}

export interface WithholdingContext extends BaseContext {
  withheld: WithheldFields;
}

/** Adds the summary of what was withheld to an answer that has data. */
export function withheldPlugin<C extends WithholdingContext>(party: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const summary = contextValue.withheld?.summary(party);
          if (!summary || response.body.kind !== "single" || !response.body.singleResult.data) return;
          response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), summary];
        },
      };
    },
  };
}
