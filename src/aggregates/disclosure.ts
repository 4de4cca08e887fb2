import { PUBLIC_SECTIONS } from '../access/consent-rules';
import { isPlatformRole, type Principal } from '../access/principal';
import { HubError } from '../errors/hub-error';
import type { FieldDef } from '../profile/catalog/field.types';
import { isUnfiltered, type AggregateFilter } from './aggregate-filter';

/** Fewest values an institution sees statistics of, for a consent-gated field. */
export const MIN_DISCLOSED_GROUP = 5;

/**
 * How much of a field's distribution a principal may see. Stewards and admins see everything, as
 * they see whole profiles; so does everyone for public registry fields. For a consent-gated field an
 * institution gets the distribution over the whole population only, and only when at least
 * `MIN_DISCLOSED_GROUP` enterprises have a value: a filter, or two filters compared, could otherwise
 * narrow the group to one enterprise and reveal a value its consent withholds.
 * Returns the smallest group the service may describe; throws FORBIDDEN for a filtered request.
 */
export function distributionFloor(principal: Principal, field: FieldDef, filter: AggregateFilter): number {
  if (isPlatformRole(principal.role) || PUBLIC_SECTIONS.includes(field.section)) return 1;
  if (!isUnfiltered(filter)) {
    throw new HubError(
      'FORBIDDEN',
      `filter: ${field.key} is in the consent-gated ${field.section} section; institutions get its distribution over all enterprises only, without a filter`,
      { details: { argument: 'filter' } },
    );
  }
  return MIN_DISCLOSED_GROUP;
}
