import { registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../../../src/access/principal';

/** The roles of API keys; the GraphQL values are the stored ones. */
export const RoleGql = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };
export type RoleGql = Role;

registerEnumType(RoleGql, {
  name: 'Role',
  description: 'What an API key may do.',
  valuesConfig: {
    INSTITUTION: { description: 'A financial institution: consent-gated profile reads, its own financing records, consents and access log.' },
    STEWARD: { description: 'Runs the platform’s data: connectors, queues, quarantine, consents; sees whole profiles.' },
    ADMIN: { description: 'Everything a steward may do, plus institutions and API keys.' },
  },
});
