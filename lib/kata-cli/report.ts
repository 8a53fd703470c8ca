// `report --json`: each kata's result in the shape of exercism's results.json (version 2:
// status pass/fail/error, and each test with its name, status and message), for teachers who
// grade.
import { type KataResult, verdictOf } from './results.ts';

interface ExercismTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
}

export interface ExercismResults {
  version: 2;
  status: 'pass' | 'fail' | 'error';
  message?: string;
  tests: ExercismTest[];
}

export function exercismResults(result: KataResult): ExercismResults {
  const verdict = verdictOf(result);
  const tests: ExercismTest[] = result.tests.map((test) => ({
    name: test.name,
    status: test.status === 'pass' ? 'pass' : test.status === 'skip' ? 'pass' : 'fail',
    message:
      test.status === 'skip'
        ? `not applicable: ${test.message ?? 'skipped'}`
        : test.status === 'fail'
          ? (test.message ?? null)
          : null,
  }));
  if (verdict === 'error') {
    return {
      version: 2,
      status: 'error',
      message: result.errors.join('\n') || 'no spec ran',
      tests,
    };
  }
  return { version: 2, status: verdict === 'green' ? 'pass' : 'fail', tests };
}
