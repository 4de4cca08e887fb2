import { isPlatformRole, type Principal } from '../../access/principal';
import { HubError } from '../../errors/hub-error';

/**
 * The `scoreGrades` criterion of an enterprise list, if the principal may use it. A grade derives
 * from consent-gated sections, so listing enterprises by grade would reveal it without consent:
 * stewards and admins only; FORBIDDEN for institutions.
 */
export function scoreGradesFilter(principal: Principal, grades: readonly string[] | null | undefined): readonly string[] | null {
  if (grades === null || grades === undefined) return null;
  if (!isPlatformRole(principal.role)) {
    throw new HubError('FORBIDDEN', 'filter.scoreGrades: a credit grade derives from consent-gated profile sections; only STEWARD and ADMIN keys may list enterprises by grade', {
      details: { argument: 'filter.scoreGrades' },
    });
  }
  return grades;
}
