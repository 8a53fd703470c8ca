import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { AlbumAppOptions, NewAlbum, PageRequest } from '../../lib/album/album-store.ts';

const MAX_TEXT_LENGTH = 200;
const MAX_PRICE = 1_000_000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const BODY_LIMIT = '100kb';
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

  app.get('/albums', async (req, res) => {
    const page = parsePage(req.query);
    const [albums, total] = await Promise.all([store.list(page), store.count()]);
    res.set('X-Total-Count', String(total));
    const nextOffset = page.offset + albums.length;
    if (albums.length > 0 && nextOffset < total) {
      res.links({ next: `/albums?offset=${nextOffset}&limit=${page.limit}` });
    }
    res.json(albums);
  });

  app.get('/albums/:id', async (req, res) => {
    const album = await store.get(parseId(req.params.id));
    if (!album) throw new HttpError(404, 'album not found');
    res.json(album);
  });

  app.post('/albums', requireJson, express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const album = await store.create(parseNewAlbum(req.body));
    res.status(201).location(`/albums/${album.id}`).json(album);
  });

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

function parseId(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,14}$/.test(raw)) {
    throw new HttpError(400, 'album id must be a positive integer');
  }
  return Number(raw);
}

function parseCount(name: string, raw: unknown, fallback: number, min: number, max: number) {
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new HttpError(400, `${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function parsePage(query: Record<string, unknown>): PageRequest {
  return {
    limit: parseCount('limit', query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
    offset: parseCount('offset', query.offset, 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

function textProblem(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `${name} must be a string`;
  if (value.trim() === '') return `${name} must not be empty`;
  if (value.length > MAX_TEXT_LENGTH)
    return `${name} must be at most ${MAX_TEXT_LENGTH} characters`;
  return undefined;
}

function priceProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'price must be a number';
  if (value < 0 || value > MAX_PRICE) return `price must be between 0 and ${MAX_PRICE}`;
  const cents = value * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return 'price must have at most 2 decimals';
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

/** body-parser's errors carry a status and a type; everything else is our bug: a 500. */
interface BodyParserError {
  status?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

function clientError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const { status, type, expose, message } = (error ?? {}) as BodyParserError;
  if (!expose || !status || status < 400 || status >= 500) return undefined;
  if (type === 'entity.parse.failed') return new HttpError(400, `malformed JSON: ${message}`);
  if (type === 'entity.too.large') {
    return new HttpError(413, `the body must be at most ${BODY_LIMIT}`);
  }
  return new HttpError(status, message ?? 'bad request');
}

function jsonErrors(onError: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = clientError(error);
    if (!known) onError(error);
    if (res.headersSent) return;
    res.status(known?.status ?? 500).json({ error: known?.message ?? 'internal server error' });
  };
}
