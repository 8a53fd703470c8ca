// The vitest config of a mutation run: the repository's config, narrowed to one kata's
// specs. Stryker's vitest runner forces `pool: 'threads'`, and a worker thread refuses
// `--expose-gc` in its execArgv (only the memory benches need it), so it is dropped here.
// Instrumented code counts every mutant it reaches, in hot loops too, so specs run several
// times slower: the per-spec bound is wider, and Stryker's own timeout bounds each mutant.
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

const kata = process.env.KATA_MUTATION;
if (!kata) throw new Error('KATA_MUTATION is unset: run `npm run mutation -- NN`');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [`tests/${kata}/**/*.test.ts`],
    execArgv: [],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
