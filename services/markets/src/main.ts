import { serveSubgraphFromEnv } from '@xgz/kit';
import { marketsSubgraph } from './server.js';

await serveSubgraphFromEnv(marketsSubgraph);
