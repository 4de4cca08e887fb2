import { IngestionFoundation1795727766775 } from './1795727766775-ingestion-foundation';
import { EntityResolution1796000000000 } from './1796000000000-entity-resolution';
import { EnterpriseProfile1796161187717 } from './1796161187717-enterprise-profile';
import { RunProfiledAt1796161187718 } from './1796161187718-run-profiled-at';
import { ApiAccess1796300000000 } from './1796300000000-api-access';
import { Financing1796300000100 } from './1796300000100-financing';
import { ProfileFinancingFields1796300000200 } from './1796300000200-profile-financing-fields';
import { StewardOps1796300000300 } from './1796300000300-steward-ops';
import { FundingPolicies1796400000100 } from './1796400000100-funding-policies';
import { EnterpriseScores1796400000200 } from './1796400000200-enterprise-scores';

/** Every migration in order; listed explicitly so that tsx, ts-jest and compiled builds load the same set. */
export const MIGRATIONS = [IngestionFoundation1795727766775, EntityResolution1796000000000, EnterpriseProfile1796161187717, RunProfiledAt1796161187718, ApiAccess1796300000000, Financing1796300000100, ProfileFinancingFields1796300000200, StewardOps1796300000300, FundingPolicies1796400000100, EnterpriseScores1796400000200];
