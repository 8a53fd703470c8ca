// The throughput scenario: GET / as fast as the users can, no wait, no parsing. What the
// max-RPS bench compares with autocannon.
import { getLoop } from '../scenario.ts';

export default getLoop('hello', '/');
