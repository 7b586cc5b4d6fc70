/** The one federation version every subgraph links (the parties' and the gateway's own). */
export const FEDERATION_VERSION = "v2.7";
const FEDERATION_IMPORTS = ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"];

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: [${FEDERATION_IMPORTS.map((name) => `"${name}"`).join(", ")}])`;
