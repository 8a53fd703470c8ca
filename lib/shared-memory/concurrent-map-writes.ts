/** What Go's runtime reports as `fatal error: concurrent map writes` (kata 02's detector). */
export class ConcurrentMapWritesError extends Error {
  override readonly name = 'ConcurrentMapWritesError';

  constructor() {
    super('concurrent map writes');
  }
}
