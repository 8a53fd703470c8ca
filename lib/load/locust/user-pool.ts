// The users a worker runs, by class, resized to whatever the master's latest spawn job says
// (Locust's worker spawns and stops the difference at once; the master paces the ramp-up).
// Unlike the headless runner's users, each one here can be stopped alone, so each has its own
// stop signal and its own keep-alive connection (like an HttpUser's session).
import { seededRandom } from '../../random.ts';
import { LoadClient, type RequestRecorder } from '../client.ts';
import { type Clock, systemClock } from '../clock.ts';
import { type Scenario, taskPicker, type VirtualUser } from '../scenario.ts';
import { type ClientKind, createTransport, type Transport } from '../transport.ts';
import type { WaitContext } from '../wait.ts';
import type { UserClassesCount } from './message.ts';
import type { ScenarioRegistry } from './scenario-registry.ts';

export interface UserPoolOptions {
  registry: ScenarioRegistry;
  recorder: RequestRecorder;
  /** A task threw (not a failed request): the worker reports it as an exception. */
  onTaskError(error: unknown): void;
  seed: number;
  timeoutMs: number;
  client: ClientKind;
  clock?: Clock;
}

interface RunningUser {
  halted: boolean;
  readonly stop: AbortController;
  readonly transport: Transport;
  done?: Promise<void>;
}

/** Spreads (seed, user) over 32 bits so neighbouring users get unrelated streams. */
function userSeed(seed: number, userId: number): number {
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(userId + 1, 0xc2b2ae35);
}

export class UserPool {
  private readonly byClass = new Map<string, RunningUser[]>();
  private readonly clock: Clock;
  private nextId = 0;

  constructor(private readonly options: UserPoolOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Users running now, by class (classes with none left out). */
  counts(): UserClassesCount {
    const counts: UserClassesCount = {};
    for (const [name, users] of this.byClass) if (users.length > 0) counts[name] = users.length;
    return counts;
  }

  get userCount(): number {
    let total = 0;
    for (const users of this.byClass.values()) total += users.length;
    return total;
  }

  /**
   * Starts and stops users until each class has its target. Throws UnknownUserClassError
   * before changing anything if a class has no scenario.
   */
  resize(target: UserClassesCount, host: string): void {
    const scenarios = new Map(
      Object.keys(target).map((name) => [name, this.options.registry.get(name)]),
    );
    for (const [name, users] of this.byClass) {
      const keep = target[name] ?? 0;
      for (const user of users.splice(keep)) this.stopUser(user);
    }
    for (const [name, scenario] of scenarios) {
      const users = this.byClass.get(name) ?? [];
      this.byClass.set(name, users);
      while (users.length < target[name]!) users.push(this.startUser(scenario, host));
    }
  }

  /**
   * Stops every user at once (nothing more is recorded once this returns); resolves when their
   * tasks have ended, or after `graceMs`.
   */
  async stopAll(graceMs = 2000): Promise<void> {
    const users = [...this.byClass.values()].flat();
    this.byClass.clear();
    for (const user of users) this.stopUser(user);
    const grace = new AbortController();
    await Promise.race([
      Promise.all(users.map((user) => user.done)),
      this.clock.sleep(graceMs, grace.signal),
    ]);
    grace.abort();
  }

  private stopUser(user: RunningUser): void {
    user.halted = true;
    user.stop.abort();
    // Ends its request in flight, unrecorded, as Locust kills a user's greenlet.
    void user.transport.destroy();
  }

  private startUser(scenario: Scenario, host: string): RunningUser {
    const { options, clock } = this;
    const transport = createTransport(options.client, {
      host,
      connections: 1,
      timeoutMs: options.timeoutMs,
    });
    const running: RunningUser = { halted: false, stop: new AbortController(), transport };
    const id = this.nextId++;
    const user: VirtualUser = {
      id,
      client: new LoadClient(transport, options.recorder, clock, () => running.halted),
      random: seededRandom(userSeed(options.seed, id)),
      state: scenario.state(),
    };
    running.done = this.userLoop(scenario, user, running);
    return running;
  }

  /** Locust's user: on_start, then task, wait, task, wait … until this user is stopped. */
  private async userLoop(scenario: Scenario, user: VirtualUser, running: RunningUser) {
    const pick = taskPicker(scenario.tasks);
    const clock = this.clock;
    const timing: WaitContext & { began: number } = {
      began: 0,
      random: user.random,
      get taskMs() {
        return clock.now() - this.began;
      },
    };
    const guard = async (body: () => Promise<void> | void) => {
      try {
        await body();
      } catch (error) {
        if (!running.halted) this.options.onTaskError(error);
      }
    };
    const { onStart } = scenario;
    if (onStart) await guard(() => onStart(user));
    while (!running.halted) {
      timing.began = clock.now();
      const requestsBefore = user.client.requests;
      await guard(() => pick(user.random()).run(user));
      if (running.halted) break;
      const waitMs = scenario.wait(timing);
      // A task without I/O and without a wait would never let timers (or the stop) run.
      if (waitMs > 0 || user.client.requests === requestsBefore) {
        await clock.sleep(waitMs, running.stop.signal);
      }
    }
  }
}
