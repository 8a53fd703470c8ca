// The web UI's HTTP server (node:http, no framework), on Locust's routes where they exist:
//   GET  /                         the page          GET  /app.js      its script
//   GET  /events                   Server-Sent Events: a snapshot each second and on changes
//   GET  /stats/requests           the snapshot as JSON (Locust's polling route)
//   POST /swarm                    start, from the form's JSON
//   POST /stop, POST /stats/reset  Stop and Reset stats
//   GET  /stats/requests/csv, /stats/history/csv, /stats/requests_full_history/csv,
//        /stats/failures/csv, /exceptions/csv, /stats/report[?download=1]  (the run so far)
// It starts load against any host, so it refuses what a foreign page could send: a POST must
// be JSON (a cross-origin form cannot send that without a preflight this server never
// answers) from this origin, and on a loopback address the Host header must name it (no DNS
// rebinding).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exceptionsCsv, failuresCsv, historyCsv, statsCsv } from '../csv.ts';
import { renderHtmlReport } from '../html-report.ts';
import { pageScript } from './bundle.ts';
import { chartShape, sliceCharts } from './chart-stream.ts';
import { FormError } from './form.ts';
import { renderPage } from './page.ts';
import type { Snapshot, SwarmForm } from './protocol.ts';
import type { WebSession } from './session.ts';
import { EventStream } from './sse.ts';

export const DEFAULT_WEB_PORT = 8089;
export const DEFAULT_WEB_HOST = '127.0.0.1';

export interface WebServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** A page's event stream, and what of the charts it already holds. */
interface Client {
  stream: EventStream;
  generation: number;
  shape: string;
  sent: number;
}

/** The snapshot for one page: only the chart seconds it lacks, unless it must start over. */
function snapshotFor(client: Client, snapshot: Snapshot): Snapshot {
  const { generation, charts } = snapshot.chart;
  const shape = chartShape(charts);
  const length = charts[0]?.x.length ?? 0;
  const from =
    client.generation === generation && client.shape === shape ? Math.min(client.sent, length) : 0;
  client.generation = generation;
  client.shape = shape;
  client.sent = length;
  return { ...snapshot, chart: { generation, from, charts: sliceCharts(charts, from) } };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const MAX_BODY_BYTES = 64 * 1024;

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    // Belt and braces: the page may load nothing from anywhere else.
    'Content-Security-Policy':
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    ...headers,
  });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new FormError('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch {
        reject(new FormError('the body is not JSON'));
      }
    });
    request.on('error', reject);
  });
}

/** Serves `session` on host:port (0: a free port) until `close()`. */
export async function startWebServer(
  session: WebSession,
  { host = DEFAULT_WEB_HOST, port = DEFAULT_WEB_PORT } = {},
): Promise<WebServer> {
  const streams = new Set<Client>();
  let boundPort = port;
  const page = () => renderPage({ defaults: session.defaults, scenarios: session.scenarios });

  const broadcast = () => {
    if (streams.size === 0) return;
    const snapshot = session.snapshot();
    for (const client of streams) {
      if (client.stream.closed) streams.delete(client);
      else client.stream.send('snapshot', snapshotFor(client, snapshot));
    }
  };
  const unsubscribe = session.subscribe(broadcast);

  const trusted = (request: IncomingMessage): string | undefined => {
    const hostHeader = request.headers.host ?? '';
    if (LOOPBACK.has(host)) {
      const named = [...LOOPBACK].map((name) => urlOf(name, boundPort).slice('http://'.length));
      if (!named.includes(hostHeader)) return `unexpected Host header "${hostHeader}"`;
    }
    if (request.method === 'POST') {
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${hostHeader}`) {
        return `cross-origin request from ${origin}`;
      }
      if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
        return 'expected Content-Type: application/json';
      }
    }
    return undefined;
  };

  const download = (response: ServerResponse, name: string, type: string, body: string) =>
    send(response, 200, type, body, { 'Content-Disposition': `attachment; filename="${name}"` });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refused = trusted(request);
    if (refused) return json(response, 403, { error: refused });
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method} ${pathname}`;
    switch (route) {
      case 'GET /':
        return send(response, 200, 'text/html; charset=utf-8', page());
      case 'GET /favicon.ico':
        response.writeHead(204).end();
        return;
      case 'GET /app.js':
        return send(response, 200, 'text/javascript; charset=utf-8', await pageScript());
      case 'GET /events': {
        const client: Client = {
          stream: new EventStream(response),
          generation: -1,
          shape: '',
          sent: 0,
        };
        streams.add(client);
        response.on('close', () => streams.delete(client));
        client.stream.send('snapshot', snapshotFor(client, session.snapshot()));
        return;
      }
      case 'GET /stats/requests':
        return json(response, 200, session.snapshot());
      case 'POST /swarm': {
        try {
          session.start((await readJson(request)) as Partial<SwarmForm>);
          return json(response, 200, { ok: true });
        } catch (error) {
          if (!(error instanceof FormError)) throw error;
          return json(response, session.running ? 409 : 400, { error: error.message });
        }
      }
      case 'POST /stop':
        void session.stop();
        return json(response, 200, { ok: true });
      case 'POST /stats/reset':
        return session.reset()
          ? json(response, 200, { ok: true })
          : json(response, 409, { error: 'no run is going: nothing to reset' });
    }
    const report = session.report();
    const csv = 'text/csv; charset=utf-8';
    switch (route) {
      case 'GET /stats/requests/csv':
        if (report) return download(response, 'run_stats.csv', csv, statsCsv(report));
        break;
      case 'GET /stats/history/csv':
        if (report) return download(response, 'run_stats_history.csv', csv, historyCsv(report));
        break;
      case 'GET /stats/requests_full_history/csv':
        if (report) {
          const text = historyCsv(report, { fullHistory: true });
          return download(response, 'run_stats_history.csv', csv, text);
        }
        break;
      case 'GET /stats/failures/csv':
        if (report) return download(response, 'run_failures.csv', csv, failuresCsv(report));
        break;
      case 'GET /exceptions/csv':
        if (report) return download(response, 'run_exceptions.csv', csv, exceptionsCsv(report));
        break;
      case 'GET /stats/report': {
        if (!report) break;
        const html = renderHtmlReport(report);
        // The report inlines everything, styles included: its own policy, not the page's.
        const headers: Record<string, string> = {
          'Content-Security-Policy':
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
        };
        if (searchParams.has('download'))
          headers['Content-Disposition'] = 'attachment; filename="run.html"';
        return send(response, 200, 'text/html; charset=utf-8', html, headers);
      }
      default:
        return json(response, 404, { error: `no route ${route}` });
    }
    return json(response, 404, { error: 'no run yet: start one first' });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) json(response, 500, { error: String(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: urlOf(host, boundPort),
    close: () =>
      new Promise<void>((resolve, reject) => {
        unsubscribe();
        for (const client of streams) client.stream.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
