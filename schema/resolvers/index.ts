import type { NonEmptyArray } from 'type-graphql';
import { OpsResolver } from './ops.resolver';

/** Every resolver class of the hub's schema; each file adds its own line. */
export const RESOLVERS: NonEmptyArray<Function> = [OpsResolver];
