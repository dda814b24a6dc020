export { createGateway, startGateway, type GatewayOptions } from './server.js';
export { parseGatewayEnv, type GatewayEnv } from './env.js';
export { maskGatewayError, passThroughCodes } from './error-masking.js';
