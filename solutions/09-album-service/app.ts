import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import {
  type AlbumAppOptions,
  type NewAlbum,
  type PageRequest,
  StoreUnavailableError,
} from '../../lib/album/album-store.ts';

/** In code points (what PostgreSQL's char_length counts), not UTF-16 code units. */
const MAX_TEXT_LENGTH = 200;
const MAX_PRICE = 1_000_000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const BODY_LIMIT = '100kb';
/** Ids are PostgreSQL `integer`s: every store accepts the same range. */
const MAX_ID = 2_147_483_647;
/** `id` is accepted and ignored (the store allocates ids); anything else is rejected. */
const ALLOWED_FIELDS = new Set(['title', 'artist', 'price', 'id']);

/** An error the client caused: its message is safe to send back. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The album service: a bounded page for the list, O(1) by id, validated creates. */
export function createAlbumApp({
  store,
  onError = console.error,
}: AlbumAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app
    .route('/albums')
    .get(async (req, res) => {
      const page = parsePage(req.query);
      // One album more than the page: whether a next page exists, without counting.
      const [albums, total] = await Promise.all([
        store.list({ ...page, limit: page.limit + 1 }),
        store.count(),
      ]);
      res.set('X-Total-Count', String(total));
      const more = albums.length > page.limit;
      if (more) albums.length = page.limit;
      const last = albums.at(-1);
      if (more && last) res.links({ next: `/albums?after=${last.id}&limit=${page.limit}` });
      res.json(albums);
    })
    .post(requireJson, express.json({ limit: BODY_LIMIT }), async (req, res) => {
      const album = await store.create(parseNewAlbum(req.body));
      res.status(201).location(`/albums/${album.id}`).json(album);
    })
    .options(allow('GET, HEAD, POST, OPTIONS'))
    .all(notAllowed('GET, HEAD, POST, OPTIONS'));

  app
    .route('/albums/:id')
    .get(async (req, res) => {
      const album = await store.get(parseId(req.params.id));
      if (!album) throw new HttpError(404, 'album not found');
      res.json(album);
    })
    .options(allow('GET, HEAD, OPTIONS'))
    .all(notAllowed('GET, HEAD, OPTIONS'));

  app.use((req) => {
    throw new HttpError(404, `no route for ${req.method} ${req.path}`);
  });
  app.use(jsonErrors(onError));
  return app;
}

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'Content-Type must be application/json');
  }
  next();
};

/** 204 with the methods the path supports. */
const allow =
  (methods: string): RequestHandler =>
  (_req, res) => {
    res.set('Allow', methods).status(204).end();
  };

/** 405 with the methods the path supports: the path exists, the method does not. */
const notAllowed =
  (methods: string): RequestHandler =>
  (req, res) => {
    res.set('Allow', methods);
    throw new HttpError(405, `${req.method} is not allowed on ${req.path}; use ${methods}`);
  };

/**
 * An integer from min to max, or `fallback` when absent. The digits are compared as a
 * BigInt, so the parser accepts exactly the range its message states (a Number would round
 * 9007199254740993 down into it).
 */
function parseInteger(name: string, raw: unknown, min: number, max: number, fallback?: number) {
  if (raw === undefined && fallback !== undefined) return fallback;
  const problem = new HttpError(400, `${name} must be an integer from ${min} to ${max}`);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw problem;
  const value = BigInt(raw);
  if (value < BigInt(min) || value > BigInt(max)) throw problem;
  return Number(value);
}

const parseId = (raw: string | undefined) => parseInteger('id', raw, 1, MAX_ID);

function parsePage(query: Record<string, unknown>): PageRequest {
  return {
    limit: parseInteger('limit', query.limit, 1, MAX_LIMIT, DEFAULT_LIMIT),
    offset: parseInteger('offset', query.offset, 0, Number.MAX_SAFE_INTEGER, 0),
    after: parseInteger('after', query.after, 0, MAX_ID, 0),
  };
}

function textProblem(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `${name} must be a string`;
  // A lone surrogate has no UTF-8 form: PostgreSQL would store U+FFFD in its place.
  if (!value.isWellFormed()) return `${name} must be well-formed Unicode (a lone surrogate)`;
  if (value.includes('\0')) return `${name} must not contain NUL characters`;
  if (value.trim() === '') return `${name} must not be empty`;
  if ([...value].length > MAX_TEXT_LENGTH)
    return `${name} must be at most ${MAX_TEXT_LENGTH} characters`;
  return undefined;
}

function priceProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'price must be a number';
  if (value < 0 || value > MAX_PRICE) return `price must be between 0 and ${MAX_PRICE}`;
  // Exactly what numeric(9, 2) keeps: a price it would round (4.000000001, 5e-324) is refused.
  if (Math.round(value * 100) / 100 !== value) return 'price must be a whole number of cents';
  return undefined;
}

/** Builds the album field by field: nothing from the body is copied wholesale. */
function parseNewAlbum(body: unknown): NewAlbum {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'the body must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  const problems = [
    ...Object.keys(fields)
      .filter((key) => !ALLOWED_FIELDS.has(key))
      .map((key) => `unknown field ${JSON.stringify(key)}`),
    textProblem('title', fields.title),
    textProblem('artist', fields.artist),
    priceProblem(fields.price),
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new HttpError(400, `invalid album: ${problems.join('; ')}`);
  return {
    title: fields.title as string,
    artist: fields.artist as string,
    price: fields.price as number,
  };
}

/**
 * body-parser's and the router's errors carry a status (a path with malformed
 * percent-encoding is a 400 from the router); everything else is our bug: a 500.
 */
interface BodyParserError {
  status?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

function clientError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const { status, type, expose, message } = (error ?? {}) as BodyParserError;
  if (!status || status < 400 || status >= 500) return undefined;
  if (type === 'entity.parse.failed') return new HttpError(400, `malformed JSON: ${message}`);
  if (type === 'entity.too.large') {
    return new HttpError(413, `the body must be at most ${BODY_LIMIT}`);
  }
  if (error instanceof URIError)
    return new HttpError(400, 'malformed percent-encoding in the path');
  return new HttpError(status, (expose && message) || 'bad request');
}

function jsonErrors(onError: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (res.headersSent) {
      onError(error);
      return;
    }
    if (error instanceof StoreUnavailableError) {
      // Not the client's fault and not a bug: the database is away; try again shortly.
      res.set('Retry-After', String(error.retryAfterSeconds));
      res.status(503).json({ error: 'the album store is unavailable; try again shortly' });
      return;
    }
    const known = clientError(error);
    if (!known) onError(error);
    res.status(known?.status ?? 500).json({ error: known?.message ?? 'internal server error' });
  };
}
