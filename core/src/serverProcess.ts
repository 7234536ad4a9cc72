/**
 * How the language server's Node process is started, by the extension and by the tests and the
 * benchmark that stand in for it.
 *
 * A larger young generation: opening an offer builds its whole tree and a check allocates some
 * 10 MB on a 750 KiB offer; with Node's default 16 MB semi-space the tree was copied by a
 * scavenge or two before it settled, and a third of an opening went to the garbage collector.
 * With 32 MB, opening the benchmark's offer over LSP went from 1.00–1.11× the JSON language
 * server's time to 0.87–0.88× (same runs, quiet machine), for at most 32 MB more memory.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=32'];
