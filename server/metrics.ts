/**
 * Prometheus metrics of one Parlor service (prom-client), scraped at `/metrics`.
 * Actions are counted on the hot path of every move, where prom-client's own calls hash
 * their labels on every increment and observation; so each action is only tallied here
 * (a map lookup and a number or two) and the tallies reach prom-client's counters and
 * histogram when they are scraped, or when a batch of latencies fills up.
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

/** Latencies kept per event before they are handed to the histogram (2 kB each). */
const LATENCY_BATCH = 256;

/** One event's actions since the tallies last reached prom-client. */
class EventTally {
  accepted = 0;
  readonly rejected = new Map<string, number>();
  readonly latencies = new Float64Array(LATENCY_BATCH);
  observed = 0;
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
  private readonly tallies = new Map<string, EventTally>();
  private readonly accepted: Counter<'event'>;
  private readonly rejected: Counter<'event' | 'code'>;
  private readonly latency: Histogram<'event'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    // Each action metric brings the tallies in before it is read (the first of the three does the work).
    const flush = () => this.flush();
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
      help: 'Requests dropped before any handler since start, by reason (unknownEvent, missingAck, streamRefused), and sockets cut off over their inbound budgets (overBudget).',
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
      collect: flush,
    });
    this.rejected = new Counter({
      name: 'parlor_actions_rejected_total',
      help: 'Actions refused, by event and error code (RATE_LIMITED and BAD_REQUEST included).',
      labelNames: ['event', 'code'],
      registers,
      collect: flush,
    });
    this.latency = new Histogram({
      name: 'parlor_action_duration_seconds',
      help: 'Time from handling an accepted action to its broadcasts being sent, by event.',
      labelNames: ['event'],
      // An action takes tens of microseconds to a few milliseconds; the top buckets catch stalls.
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
      collect: flush,
    });
  }

  record(event: string, response: { ok: boolean; code?: string }, seconds?: number): void {
    let tally = this.tallies.get(event);
    if (!tally) {
      tally = new EventTally();
      this.tallies.set(event, tally);
    }
    if (!response.ok) {
      const code = response.code ?? 'UNKNOWN';
      tally.rejected.set(code, (tally.rejected.get(code) ?? 0) + 1);
      return;
    }
    tally.accepted++;
    if (seconds === undefined) return;
    tally.latencies[tally.observed++] = seconds;
    if (tally.observed === LATENCY_BATCH) this.flush();
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

  /** Hands every tally to prom-client's metrics and starts the tallies again. */
  private flush(): void {
    for (const [event, tally] of this.tallies) {
      if (tally.accepted > 0) this.accepted.inc({ event }, tally.accepted);
      for (const [code, count] of tally.rejected) this.rejected.inc({ event, code }, count);
      if (tally.observed > 0) {
        const latency = this.latency.labels(event);
        for (let i = 0; i < tally.observed; i++) latency.observe(tally.latencies[i]!);
      }
      tally.accepted = 0;
      tally.rejected.clear();
      tally.observed = 0;
    }
  }
}
