/** An error as it crosses `postMessage`: structured clone keeps only built-in names. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: 'Error', message: String(error) };
}

export function reviveError(serialized: SerializedError, context?: string): Error {
  const error = new Error(context ? `${context}: ${serialized.message}` : serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
