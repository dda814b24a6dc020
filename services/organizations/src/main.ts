import { serveSubgraphFromEnv } from '@xgz/kit';
import { organizationsSubgraph } from './server.js';

await serveSubgraphFromEnv(organizationsSubgraph);
