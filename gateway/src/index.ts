export { loadGatewayConfig, type GatewayConfig } from "./env.js";
export { startGateway, type RunningGateway } from "./gateway.js";
export { GATEWAY_SUBGRAPH_NAME, GATEWAY_SUBGRAPH_SDL, buildGatewayLocalSchema } from "./local-subgraph.js";
export { UNIVERSITY_ROUTES, assertRoutingComplete } from "./router/routing-table.js";
export { normaliseSdl } from "./documents/sdl.js";
