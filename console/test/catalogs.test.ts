import { describe, expect, it } from "vitest";
import { catalogs } from "../src/i18n/i18n.js";

const { de, en, fr, cs } = catalogs;

function keysOf(catalog: object, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`)));
}

function placeholdersOf(catalog: object): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  const walk = (value: object, prefix: string) =>
    Object.entries(value).forEach(([key, each]) =>
      typeof each === "string" ? (flat[`${prefix}${key}`] = [...each.matchAll(/{{(\w+)}}/g)].map((match) => match[1]!).sort()) : walk(each as object, `${prefix}${key}.`),
    );
  walk(catalog, "");
  return flat;
}

describe("the console's catalogs", () => {
  it.each([
    ["de", de],
    ["fr", fr],
    ["cs", cs],
  ])("%s has exactly the keys of English, none empty, with the same placeholders", (_language, catalog) => {
    expect(keysOf(catalog).sort()).toEqual(keysOf(en).sort());
    expect(
      keysOf(catalog).filter(
        (key) =>
          !key
            .split(".")
            .reduce<any>((value, part) => value[part], catalog)
            .trim(),
      ),
    ).toEqual([]);
    expect(placeholdersOf(catalog)).toEqual(placeholdersOf(en));
  });
});
