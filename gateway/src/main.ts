import { logger, stopOnSignals } from '@xgz/kit';
import { parseGatewayEnv } from './env.js';
import { startGateway } from './server.js';

const running = await startGateway({ env: parseGatewayEnv() });
logger.info('gateway listening', { url: running.url });
stopOnSignals(running.stop);
