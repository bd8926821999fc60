// A promise that resolves in a task of its own (a macrotask), after the event loop has had a turn:
// lets messages in between steps of a long job, and splits work that would otherwise run as one
// long task (two charts drawn in the same turn).
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
