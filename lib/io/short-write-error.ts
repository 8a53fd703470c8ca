// Go's io.ErrShortWrite, for kata 06's writers: the sink took nothing, and asking again
// would loop for ever.
export class ShortWriteError extends Error {
  readonly code = 'ERR_SHORT_WRITE';
  constructor(accepted: number, asked: number) {
    super(`short write: the sink accepted ${accepted} of ${asked} bytes and made no progress`);
    this.name = 'ShortWriteError';
  }
}
