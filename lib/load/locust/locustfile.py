"""The scenarios of lib/load/scenarios/, for real Locust: one User class per scenario, named
as the scenario's `name` (lower case, against Python's habit), because a Locust master hands
out users by class name and our TypeScript workers (npm run load -- --locust-master URL) run
the scenario of that name. Keep the tasks, weights, waits and request names the same on both
sides, so Python and TypeScript workers can share one master.

`albums` lists the albums, gets one it has seen, or creates one, weighted 3 : 2 : 1, with
0.05-0.25 s between tasks. `hello` GETs / with no wait (a generator's top speed; the album
service answers it 404). Name the class to run, or the master spawns both:

    locust -f lib/load/locust/locustfile.py --headless --master --expect-workers 2 \
        -u 50 -r 10 -t 30s --host http://127.0.0.1:8080 --csv out/locust albums
    locust -f lib/load/locust/locustfile.py --worker      # or: npm run load -- --locust-master tcp://127.0.0.1:5557

With Debian's python3-locust 2.12.1-1, start each of them through run_locust.py instead
of `locust` (LOCUST_VERSION=2.12.1 python3 lib/load/locust/run_locust.py ...): that
package reports an empty version, and its master rejects its own workers.
"""

import os
import random

from locust import FastHttpUser, HttpUser, between, constant, task

# LOCUST_FAST_HTTP=1: the same users on FastHttpUser (geventhttpclient, C-based parsing), the
# "faster client" of the course. A worker may use it under a master that does not.
User = FastHttpUser if os.environ.get("LOCUST_FAST_HTTP") == "1" else HttpUser

MAX_SEEN = 100
ARTISTS = ["John Coltrane", "Gerry Mulligan", "Sarah Vaughan", "Nina Simone", "Miles Davis"]


class albums(User):  # noqa: N801  (the scenario's name: lib/load/scenarios/albums.ts)
    wait_time = between(0.05, 0.25)

    def on_start(self):
        self.seen = []
        self.list_albums()

    @staticmethod
    def succeeded(response):
        # Both clients' responses have status_code (FastHttpUser's has no .ok in 2.12.1).
        return 200 <= (response.status_code or 0) < 400

    def remember(self, ids):
        self.seen.extend(ids)
        del self.seen[:-MAX_SEEN]

    @task(3)
    def list_albums(self):
        response = self.client.get("/albums")
        if self.succeeded(response):
            self.remember([album["id"] for album in response.json()])

    @task(2)
    def get_album(self):
        if not self.seen:
            return self.list_albums()
        self.client.get(f"/albums/{random.choice(self.seen)}", name="/albums/:id")

    @task(1)
    def create_album(self):
        album = {
            "title": f"Take {random.randrange(10_000)}",
            "artist": random.choice(ARTISTS),
            "price": random.randrange(10_000) / 100,
        }
        response = self.client.post("/albums", json=album)
        if self.succeeded(response):
            self.remember([response.json()["id"]])


class hello(User):  # noqa: N801  (lib/load/scenarios/hello.ts)
    wait_time = constant(0)

    @task
    def get_root(self):
        self.client.get("/")
