/**
 * Work on files written once as a generator of operations ("yield what to do, get its answer
 * back") and run two ways: synchronously by the language server and the checker, asynchronously by
 * the extension host, which must never block. The same checks then happen in the same order in
 * both, instead of in two copies of the code that could drift apart.
 */

/** Runs `steps`, answering each operation with `perform`; an operation that throws is thrown into the steps. */
export function driveSync<Operation, Result>(steps: Generator<Operation, Result, unknown>, perform: (operation: Operation) => unknown): Result {
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = perform(step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(answer);
  }
  return step.value;
}

/** {@link driveSync} with an asynchronous `perform`. */
export async function driveAsync<Operation, Result>(
  steps: Generator<Operation, Result, unknown>,
  perform: (operation: Operation) => Promise<unknown>,
): Promise<Result> {
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await perform(step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(answer);
  }
  return step.value;
}
