import type { Logger } from './logger.js';

interface Component {
  name: string;
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

/**
 * Starts components in the order added and stops them in reverse, so nothing is used
 * after what it depends on has stopped. A failed start stops what already started.
 */
export class Lifecycle {
  private readonly components: Component[] = [];
  private started: Component[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly logger: Logger) {}

  add(component: Component): void {
    this.components.push(component);
  }

  async start(): Promise<void> {
    for (const component of this.components) {
      try {
        await component.start?.();
        this.started.push(component);
      } catch (error) {
        this.logger.error({ err: error, component: component.name }, 'start failed');
        await this.stop();
        throw error;
      }
    }
  }

  /** Idempotent: concurrent calls (two signals) share one shutdown. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    for (const component of [...this.started].reverse()) {
      try {
        await component.stop?.();
      } catch (error) {
        this.logger.error({ err: error, component: component.name }, 'stop failed');
      }
    }
    this.started = [];
  }
}
