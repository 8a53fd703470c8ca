/** Starts `tasks` async tasks at once; each runs `body` `times` times in a row. */
export async function concurrently(
  tasks: number,
  times: number,
  body: (task: number, iteration: number) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: tasks }, async (_, task) => {
      for (let i = 0; i < times; i++) await body(task, i);
    }),
  );
}
