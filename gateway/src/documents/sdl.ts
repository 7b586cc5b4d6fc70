/** Reading schema documents: the fields of each type, and the form in which two schemas are compared. */
import { Kind, parse, valueFromASTUntyped, type TypeNode } from "graphql";

export interface FieldShape {
  name: string;
  args: string[];
  nonNull: boolean;
  /** Name of the field's type with list and non-null wrappers removed. */
  typeName: string;
  /** Default values of arguments, as plain values. */
  defaults: Record<string, unknown>;
}

/** Fields of the object types (and their extensions) of an SDL document, by type name. */
export function buildASTDefinitions(sdl: string): Map<string, FieldShape[]> {
  const types = new Map<string, FieldShape[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const fields = (definition.fields ?? []).map((field) => ({
      name: field.name.value,
      args: (field.arguments ?? []).map((arg) => arg.name.value),
      nonNull: isNonNull(field.type),
      typeName: namedType(field.type),
      defaults: Object.fromEntries((field.arguments ?? []).filter((arg) => arg.defaultValue).map((arg) => [arg.name.value, valueFromASTUntyped(arg.defaultValue!)])),
    }));
    types.set(definition.name.value, [...(types.get(definition.name.value) ?? []), ...fields]);
  }
  return types;
}

function isNonNull(type: TypeNode): boolean {
  return type.kind === Kind.NON_NULL_TYPE;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

export { normaliseSdl } from "@tandem/shared";
