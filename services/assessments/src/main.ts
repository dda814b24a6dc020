import { serveSubgraphFromEnv } from '@xgz/kit';
import { assessmentsSubgraph } from './server.js';

await serveSubgraphFromEnv(assessmentsSubgraph);
