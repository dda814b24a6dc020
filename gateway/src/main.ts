import { logger } from '@xgz/kit';
import { parseGatewayEnv } from './env.js';
import { startGateway } from './server.js';

const running = await startGateway({ env: parseGatewayEnv() });
logger.info('gateway listening', { url: running.url });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop().then(() => process.exit(0)));
