/**
 * Who is asking. Every API key maps to one principal; an `INSTITUTION` principal belongs to one
 * financial institution and sees consent-gated data only where an enterprise granted it consent.
 * `STEWARD` principals run the platform's data (connectors, queues, quarantine, consents);
 * `ADMIN` principals also manage institutions and keys.
 */
export const ROLES = ['INSTITUTION', 'STEWARD', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The API key's id; null for the bootstrap admin key, which lives in the environment only. */
  keyId: number | null;
  name: string;
  role: Role;
  /** Set for, and only for, `INSTITUTION` principals. */
  institutionId: number | null;
  institutionName: string | null;
}

/** Platform-side roles see whole profiles; institutions see what consents open to them. */
export const isPlatformRole = (role: Role): boolean => role === 'STEWARD' || role === 'ADMIN';
