// Wrong: select always takes the first ready case, as a loop over the cases does. A channel
// listed first can starve the others. Everything else is the reference.
// Rejected by: select.test.ts
import {
  select as reference,
  type SelectCase,
  type SelectOptions,
} from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

// biome-ignore lint/suspicious/noExplicitAny: the reference's signature
export function select(cases: readonly SelectCase<any>[], options: SelectOptions = {}) {
  return reference(cases, { ...options, random: () => 0 });
}
