// Wrong: a select with a default takes it without looking at the cases, as if default meant
// "don't wait" rather than "only when nothing is ready".
// Rejected by: select.test.ts
import {
  select as reference,
  type SelectCase,
  type SelectOptions,
} from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

// biome-ignore lint/suspicious/noExplicitAny: the reference's signature
export function select(cases: readonly SelectCase<any>[], options: SelectOptions = {}) {
  return options.default ? Promise.resolve({ index: -1 }) : reference(cases, options);
}
