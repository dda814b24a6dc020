import { serveSubgraphFromEnv } from '@xgz/kit';
import { registrySubgraph } from './server.js';

await serveSubgraphFromEnv(registrySubgraph);
