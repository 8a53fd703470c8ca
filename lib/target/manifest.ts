// The kata manifest, for the tools in lib/ that list, check and reset katas: lib/ reaches the
// katas/ tree only through lib/target/.
export { findKata, type Kata, katas } from '../../katas/manifest.ts';
