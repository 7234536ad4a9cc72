/**
 * What may be cached, under what, and who owns it: the one contract every cache of the core and
 * the server follows (each of them points here).
 *
 * 1. A version never changes while it is the current one. An `OfferDocument` is one version of an
 *    offer: its text, its tree, its lines. The tree's root node is made for that version alone (a
 *    keystroke's re-parse, incrementalParse.ts, copies every node above the change, the root
 *    always; a full parse makes all of them), and so are the objects derived from the tree once
 *    per version: the plans array and its `PlanRef`s (offerStructure.ts), the lists of images,
 *    audiences and principals. An answer about a version is cached under one of these objects,
 *    with {@link perVersion}, and goes when it goes.
 *
 * 2. Making the next version changes the previous one's nodes. The nodes a re-parse keeps are
 *    shared with the new tree and moved there: their `offset`, `colonOffset` and `parent` change;
 *    their type, value, key and list of children never do. The previous version is then superseded
 *    (`OfferDocument.superseded`): nothing may be asked of it, nor of what was cached under it.
 *    So a cache that reuses answers from one version in the next is keyed by a kept node (or its
 *    list of children) and holds only what that content decides, never an offset, a range, a
 *    parent or an index among siblings: positions are kept relative to the node, an index is
 *    compared on the way out. Two caches do this: the property index of a large object
 *    (nodes.ts) and the plan results (server validation/planResults.ts).
 *
 * 3. Whatever else an answer depends on owns the cache or is part of its key. Answers about roles
 *    are cached on the `RoleCatalog` they came from (`catalog.memo`: a catalog never changes once
 *    made); plan results record the catalog and the baseline they were computed with.
 *
 * 4. Nothing is shared by two language services. What lives longer than a version (plan results,
 *    parsed baselines, language verdicts) belongs to the `OfferLanguageService` that keeps it;
 *    what belongs to a version or a catalog hangs on that version or catalog, which a service
 *    makes or is given. The tables of {@link perVersion} are module-level, but an entry is reached
 *    only through its key, a version's own object: another service, with its own documents, never
 *    reaches it, and a caller handed the same version gets the answer that is right for it, since
 *    by (1) the answer depends on that version alone. Constants made once per process (the
 *    compiled schema, the built-in catalog) are no caches: they never change.
 */

/**
 * A function of a version's object (a root node, a PlanRef, a plans array), computed once per
 * object: the answer is kept as long as the object lives and is shared, so callers must not
 * change it. Only for answers that depend on nothing but the object (rule 1 above).
 */
export function perVersion<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) {
      return known as V;
    }
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}

/** The name of one kind of answer kept in a {@link Memo}, with its type. */
export class MemoKey<T> {
  /** Only there to carry `T`. */
  declare private readonly type: T;

  constructor(readonly name: string) {}
}

/** Answers kept on the object they are about (a catalog, a language service), one per key. */
export class Memo {
  readonly #values = new Map<MemoKey<unknown>, unknown>();

  /** The answer kept under `key`, made by `make` the first time. */
  get<T>(key: MemoKey<T>, make: () => T): T {
    const known = this.#values.get(key);
    if (known !== undefined || this.#values.has(key)) {
      return known as T;
    }
    const value = make();
    this.#values.set(key, value);
    return value;
  }
}

/**
 * Answers by a key that is a value (a text), at most `limit` of them: the oldest goes first. For
 * what a hostile file could make endless (every distinct value of an offer).
 */
export class BoundedCache<K, V> {
  readonly #values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, make: () => V): V {
    const known = this.#values.get(key);
    if (known !== undefined || this.#values.has(key)) {
      return known as V;
    }
    const value = make();
    this.set(key, value);
    return value;
  }

  /**
   * The answer kept under `key`, if any: for a hot caller that would otherwise make a closure on
   * every call only to pass it to `get` (thousands per check, each a short-lived allocation).
   */
  peek(key: K): V | undefined {
    return this.#values.get(key);
  }

  set(key: K, value: V): void {
    if (this.#values.size >= this.limit && !this.#values.has(key)) {
      this.#values.delete(this.#values.keys().next().value as K);
    }
    this.#values.set(key, value);
  }
}
