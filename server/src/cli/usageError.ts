/** A problem with how the checker was called or with a file it was given: exit code 2, no stack. */
export class UsageError extends Error {}
