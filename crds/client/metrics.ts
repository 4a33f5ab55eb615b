// Get-or-create Prometheus metrics over a caller's Registry (never the global one). A metric is
// looked up by name before it is created, so two components, or two starts of one component in a
// process (tests, a new leadership term), can share a registry without "already registered".
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface MetricSpec<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
}

export interface HistogramSpec<L extends string> extends MetricSpec<L> {
  buckets?: number[];
}

type MetricClass<M> = abstract new (...args: never[]) => M;

/** The metric of that name if it exists and is of the expected type; throws when the type differs. */
function existing<M>(r: Registry, name: string, type: MetricClass<M>): M | undefined {
  const found = r.getSingleMetric(name);
  if (found === undefined) return undefined;
  // Two callers disagreeing on a metric's type is a programming error: fail where it is made.
  if (!(found instanceof type)) throw new Error(`metric ${name} is already registered with another type`);
  return found;
}

export function counter<L extends string>(r: Registry, spec: MetricSpec<L>): Counter<L> {
  const { name, help, labelNames = [] } = spec;
  return existing<Counter<L>>(r, name, Counter) ?? new Counter<L>({ name, help, labelNames, registers: [r] });
}

export function gauge<L extends string>(r: Registry, spec: MetricSpec<L>): Gauge<L> {
  const { name, help, labelNames = [] } = spec;
  return existing<Gauge<L>>(r, name, Gauge) ?? new Gauge<L>({ name, help, labelNames, registers: [r] });
}

export function histogram<L extends string>(r: Registry, spec: HistogramSpec<L>): Histogram<L> {
  const { name, help, labelNames = [], buckets } = spec;
  return existing<Histogram<L>>(r, name, Histogram) ?? new Histogram<L>({ name, help, labelNames, ...(buckets ? { buckets } : {}), registers: [r] });
}
