/**
 * Prometheus metrics of one Parlor service (prom-client), scraped at `/metrics`.
 * Counters are bumped on the action path, so each event's label children are bound
 * once and cached: recording an action costs a map lookup and an increment.
 * Gauges (sockets, rooms) are read from their owners only when scraped.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RoomPhase } from '../game/protocol';

/** What the scrape-time gauges read. */
export interface MetricsSources {
  /** Sockets connected to this process. */
  sockets(): number;
  /** Live rooms of this process, by phase. */
  roomsByPhase(): Readonly<Record<RoomPhase, number>>;
  /** Requests dropped before any handler (see `IgnoredCounts`). */
  ignored(): Readonly<Record<string, number>>;
}

/** The recorder the socket handlers call once per answered action. */
export interface ActionMetrics {
  /**
   * Counts one answered action. `seconds` is the time the hub took to apply and
   * broadcast it, given for actions that reached the hub and were accepted.
   */
  record(event: string, response: { ok: boolean; code?: string }, seconds?: number): void;
}

/** The label children of one event, bound once. */
interface EventChildren {
  readonly accepted: { inc(): void };
  readonly latency: { observe(seconds: number): void };
  readonly rejected: Map<string, { inc(): void }>;
}

// Node's own metrics (event-loop lag, heap, GC, CPU) describe the process, not one Parlor:
// one registry for them however many services a test process starts.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The metrics of one Parlor service plus the process's own. */
export class ParlorMetrics implements ActionMetrics {
  private readonly registry = new Registry();
  private readonly children = new Map<string, EventChildren>();
  private readonly accepted: Counter<'event'>;
  private readonly rejected: Counter<'event' | 'code'>;
  private readonly latency: Histogram<'event'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    new Gauge({
      name: 'parlor_connected_sockets',
      help: 'Sockets connected to this process.',
      registers,
      collect() {
        this.set(sources.sockets());
      },
    });
    new Gauge({
      name: 'parlor_rooms',
      help: 'Live rooms of this process by phase.',
      labelNames: ['phase'],
      registers,
      collect() {
        for (const [phase, count] of Object.entries(sources.roomsByPhase())) this.set({ phase }, count);
      },
    });
    new Gauge({
      name: 'parlor_ignored_requests',
      help: 'Requests dropped before any handler since start, by reason (unknownEvent, missingAck).',
      labelNames: ['reason'],
      registers,
      collect() {
        for (const [reason, count] of Object.entries(sources.ignored())) this.set({ reason }, count);
      },
    });
    this.accepted = new Counter({
      name: 'parlor_actions_accepted_total',
      help: 'Actions answered ok, by event.',
      labelNames: ['event'],
      registers,
    });
    this.rejected = new Counter({
      name: 'parlor_actions_rejected_total',
      help: 'Actions refused, by event and error code (RATE_LIMITED and BAD_REQUEST included).',
      labelNames: ['event', 'code'],
      registers,
    });
    this.latency = new Histogram({
      name: 'parlor_action_duration_seconds',
      help: 'Time from handling an accepted action to its broadcasts being sent, by event.',
      labelNames: ['event'],
      // An action takes tens of microseconds to a few milliseconds; the top buckets catch stalls.
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
  }

  record(event: string, response: { ok: boolean; code?: string }, seconds?: number): void {
    const children = this.childrenOf(event);
    if (response.ok) {
      children.accepted.inc();
      if (seconds !== undefined) children.latency.observe(seconds);
      return;
    }
    const code = response.code ?? 'UNKNOWN';
    let rejected = children.rejected.get(code);
    if (!rejected) {
      rejected = this.rejected.labels(event, code);
      children.rejected.set(code, rejected);
    }
    rejected.inc();
  }

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  /** The content type of {@link text}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  private childrenOf(event: string): EventChildren {
    let children = this.children.get(event);
    if (!children) {
      children = { accepted: this.accepted.labels(event), latency: this.latency.labels(event), rejected: new Map() };
      this.children.set(event, children);
    }
    return children;
  }
}
