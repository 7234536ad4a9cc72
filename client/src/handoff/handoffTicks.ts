/**
 * The hand-off's ticks, kept per offer in the workspace's state (`context.workspaceState`), so that
 * a publisher who closes the editor half-way through Partner Center's forms finds their place again.
 *
 * A tick is kept under the field's `tickId`, which holds a hash of the value: a tick lapses by
 * itself when its value changes (the new value has not been entered yet), and survives edits to
 * anything else. Each write keeps only the ticks of the sheet on screen, so ticks of values that
 * are gone do not pile up.
 */

/** The part of `vscode.Memento` used here. */
export interface TickStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY_PREFIX = 'marketplaceOffer.handoff.ticks:';

export class HandoffTicks {
  /** What was read or written, per offer URI: the storage is read once per offer. */
  private readonly cache = new Map<string, Set<string>>();

  constructor(private readonly storage: TickStorage) {}

  /** The tick ids ticked for the offer (a copy). */
  ticked(offerUri: string): Set<string> {
    return new Set(this.load(offerUri));
  }

  /**
   * Ticks or unticks one field. `current` is every tick id of the sheet on screen: a tick id not in
   * it is refused (it came from an older page), and kept ticks not in it are dropped.
   */
  async set(offerUri: string, tickId: string, ticked: boolean, current: ReadonlySet<string>): Promise<boolean> {
    if (!current.has(tickId)) {
      return false;
    }
    const next = new Set([...this.load(offerUri)].filter((id) => current.has(id)));
    if (ticked) {
      next.add(tickId);
    } else {
      next.delete(tickId);
    }
    await this.store(offerUri, next);
    return true;
  }

  /** Unticks every field of the offer. */
  async clear(offerUri: string): Promise<void> {
    await this.store(offerUri, new Set());
  }

  private load(offerUri: string): Set<string> {
    let ticks = this.cache.get(offerUri);
    if (!ticks) {
      const stored = this.storage.get<unknown>(KEY_PREFIX + offerUri);
      // Whatever is stored is checked: only strings count as tick ids.
      ticks = new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
      this.cache.set(offerUri, ticks);
    }
    return ticks;
  }

  private async store(offerUri: string, ticks: Set<string>): Promise<void> {
    this.cache.set(offerUri, ticks);
    // No ticks: the key goes (undefined removes it), so cleared offers leave nothing behind.
    await this.storage.update(KEY_PREFIX + offerUri, ticks.size > 0 ? [...ticks] : undefined);
  }
}
