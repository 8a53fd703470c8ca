import { addMany as learnerAddMany } from '../../katas/01-lost-updates/add-many.ts';
import { addMany as referenceAddMany } from '../../solutions/01-lost-updates/add-many.ts';
import { casLoopAddMany } from './cas-add-many.ts';
import { naiveAddMany } from './naive-add-many.ts';

/** The ways to add to a shared counter that the bench compares. */
export const countingStrategies = {
  'your addMany': learnerAddMany,
  'reference (Atomics.add)': referenceAddMany,
  'plain ++ (loses updates)': naiveAddMany,
  'CAS loop (compareExchange)': casLoopAddMany,
};
export type CountingStrategy = keyof typeof countingStrategies;
export interface CountingRound {
  strategy: CountingStrategy;
  times: number;
}
