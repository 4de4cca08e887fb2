import type { NonEmptyArray } from 'type-graphql';
import { AggregatesResolver } from './aggregates.resolver';
import { AccessAdminResolver } from './access-admin.resolver';
import { AccessLogResolver } from './access-log.resolver';
import { ConsentResolver } from './consent.resolver';
import { OpsResolver } from './ops.resolver';
import { EnterpriseAccessLogResolver } from './enterprise-access-log.resolver';
import { EnterpriseFinancingResolver } from './enterprise-financing.resolver';
import { EnterpriseSciTechResolver } from './enterprise-sci-tech.resolver';
import { EnterprisePatentsResolver } from './enterprise-patents.resolver';
import { FinancingCaseResolver, FinancingResolver } from './financing.resolver';
import { ConnectorOpsResolver } from './connector-ops.resolver';
import { QuarantineResolver } from './quarantine.resolver';
import { ResolutionQueueResolver } from './resolution-queue.resolver';
import { EnterpriseResolver } from './enterprise.resolver';
import { ProfileDictionaryResolver } from './profile-dictionary.resolver';
import { RiskSharingResolver } from './risk-sharing.resolver';
import { EnterpriseScoreResolver, ScoreAggregatesResolver } from './enterprise-score.resolver';

/** Every resolver class of the hub's schema; each file adds its own line. */
export const RESOLVERS: NonEmptyArray<Function> = [OpsResolver, AccessAdminResolver, ConsentResolver, AccessLogResolver, AggregatesResolver, ConnectorOpsResolver, QuarantineResolver, ResolutionQueueResolver, EnterpriseResolver, ProfileDictionaryResolver, FinancingResolver, FinancingCaseResolver, EnterpriseFinancingResolver, EnterpriseAccessLogResolver, EnterpriseSciTechResolver, RiskSharingResolver, EnterprisePatentsResolver, EnterpriseScoreResolver, ScoreAggregatesResolver];
