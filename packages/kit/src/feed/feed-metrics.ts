import { Counter, Gauge, Registry, Summary } from 'prom-client';

/** The process's metrics, served at /metrics by every subgraph. */
export const metricsRegistry = new Registry();

const delay = new Summary({
  name: 'xgz_fact_feed_delay_seconds',
  help: 'From a change recorded by the owner to its effect committed in this copy (figures included), per record.',
  labelNames: ['source'],
  percentiles: [0.5, 0.95, 0.99],
  maxAgeSeconds: 600,
  ageBuckets: 5,
  registers: [metricsRegistry],
});
const applied = new Counter({
  name: 'xgz_fact_feed_records_applied_total',
  help: 'Fed records applied to this copy.',
  labelNames: ['source'],
  registers: [metricsRegistry],
});
const lastApplied = new Gauge({
  name: 'xgz_fact_feed_last_applied_timestamp_seconds',
  help: 'When this copy last applied a change.',
  labelNames: ['source'],
  registers: [metricsRegistry],
});

/** The feed metrics of one source. */
export const feedMetrics = (source: string) => ({
  delay: delay.labels({ source }),
  applied: applied.labels({ source }),
  lastApplied: lastApplied.labels({ source }),
});
