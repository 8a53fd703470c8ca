// The default scenario: the course's album service load test. Tasks GET /albums,
// GET /albums/:id and POST /albums weighted 3 : 2 : 1; ids come from what this user has
// seen (its list pages and its own creates). locust/locustfile.py is the same user in Python.
import type { Album, NewAlbum } from '../../album/album-store.ts';
import { defineScenario, task, type VirtualUser } from '../scenario.ts';
import { between } from '../wait.ts';

interface AlbumUser {
  /** Ids this user has seen, the most recent MAX_SEEN. */
  seen: number[];
}

const MAX_SEEN = 100;
const ARTISTS = ['John Coltrane', 'Gerry Mulligan', 'Sarah Vaughan', 'Nina Simone', 'Miles Davis'];

function remember(user: VirtualUser<AlbumUser>, ids: number[]): void {
  const { seen } = user.state;
  seen.push(...ids);
  if (seen.length > MAX_SEEN) seen.splice(0, seen.length - MAX_SEEN);
}

async function listAlbums(user: VirtualUser<AlbumUser>): Promise<void> {
  const response = await user.client.get('/albums');
  if (response.ok)
    remember(
      user,
      response.json<Album[]>().map((album) => album.id),
    );
}

async function getAlbum(user: VirtualUser<AlbumUser>): Promise<void> {
  const { seen } = user.state;
  if (seen.length === 0) return listAlbums(user);
  const id = seen[Math.floor(user.random() * seen.length)]!;
  await user.client.get(`/albums/${id}`, { name: '/albums/:id' });
}

function newAlbum(random: () => number): NewAlbum {
  return {
    title: `Take ${Math.floor(random() * 10_000)}`,
    artist: ARTISTS[Math.floor(random() * ARTISTS.length)]!,
    price: Math.round(random() * 10_000) / 100,
  };
}

async function createAlbum(user: VirtualUser<AlbumUser>): Promise<void> {
  const response = await user.client.post('/albums', { json: newAlbum(user.random) });
  if (response.ok) remember(user, [response.json<Album>().id]);
}

export default defineScenario<AlbumUser>({
  name: 'albums',
  wait: between(0.05, 0.25),
  state: () => ({ seen: [] }),
  onStart: listAlbums,
  tasks: [
    task(3, 'list albums', listAlbums),
    task(2, 'get one album', getAlbum),
    task(1, 'create an album', createAlbum),
  ],
});
