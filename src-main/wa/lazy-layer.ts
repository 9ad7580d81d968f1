/**
 * The one place that loads the WhatsApp layer (`layer.ts`, and with it Baileys) — with a
 * dynamic `import()`, so the server's start neither reads nor parses it. It loads when
 * something first needs WhatsApp: a session connecting (at start, the numbers that reconnect by
 * themselves) or a call on a WhatsApp port (`lazy-port.ts`). Anything that talks to WhatsApp
 * needs a connected session anyway, and a session connects only through this loader.
 *
 * `held`: the composition root holds the load until the API listens (`release()`), so /health
 * answers before the Baileys chunk is parsed even when numbers reconnect at start.
 */
import type * as Layer from './layer.js';

/** The loaded layer's exports (a type only: this file must not import the layer statically). */
export type WaLayer = typeof Layer;

export class WaLayerLoader {
  private layer: WaLayer | null = null;
  private loading: Promise<WaLayer> | null = null;
  private readonly prepares: ((layer: WaLayer) => void)[] = [];
  private releaseHold: (() => void) | null = null;
  private readonly hold: Promise<void>;

  constructor(options: { held?: boolean } = {}) {
    this.hold = options.held
      ? new Promise<void>((resolve) => (this.releaseHold = resolve))
      : Promise.resolve();
  }

  /** The layer once loaded, else null (nothing has needed WhatsApp yet). */
  get current(): WaLayer | null {
    return this.layer;
  }

  /** Runs `prepare` on the layer before anyone uses it (e.g. the custom server's trust root). */
  beforeUse(prepare: (layer: WaLayer) => void): void {
    if (this.layer) prepare(this.layer);
    else this.prepares.push(prepare);
  }

  /** The layer, loading it on first call (after the hold is released); one load per loader. */
  load(): Promise<WaLayer> {
    this.loading ??= this.hold
      .then(() => import('./layer.js'))
      .then((layer) => {
        for (const prepare of this.prepares.splice(0)) prepare(layer);
        this.layer = layer;
        return layer;
      });
    return this.loading;
  }

  /** Lets a held load go ahead (the API listens); a no-op on a loader that was not held. */
  release(): void {
    this.releaseHold?.();
    this.releaseHold = null;
  }
}
