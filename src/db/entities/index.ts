import { AccessLogEntity } from '../../access/access-log.entity';
import { ApiKeyEntity } from '../../access/api-key.entity';
import { ConsentEntity } from '../../access/consent.entity';
import { InstitutionEntity } from '../../access/institution.entity';
import { ConnectorRunEntity } from './connector-run.entity';
import { QuarantineRecordEntity } from './quarantine-record.entity';
import { RawRecordEntity } from './raw-record.entity';
import { StreamStateEntity } from './stream-state.entity';
import { EnterpriseProfileSchema } from '../../profile/storage/enterprise-profile.schema';
import { ProfileChangeEntity } from '../../profile/storage/profile-change.entity';
import { ProfileConflictEntity } from '../../profile/storage/profile-conflict.entity';
import { ProfileProvenanceEntity } from '../../profile/storage/profile-provenance.entity';
import { EnterpriseNameEntity } from '../../resolution/entities/enterprise-name.entity';
import { RecordLinkEntity } from '../../resolution/entities/record-link.entity';
import { RecordNameKeyEntity } from '../../resolution/entities/record-name-key.entity';
import { RegisteredEnterpriseEntity } from '../../resolution/entities/registered-enterprise.entity';
import { ResolutionCaseEntity } from '../../resolution/entities/resolution-case.entity';
import { FinancingCaseEntity } from '../../financing/financing-case.entity';
import { FinancingEventEntity } from '../../financing/financing-event.entity';
import { FundingPolicyVersionEntity } from '../../policy/funding-policy-version.entity';
import { StreamScheduleOverrideEntity } from '../../ops/stream-schedule-override.entity';
import { EnterpriseScoreEntity, EnterpriseScoreHistoryEntity } from '../../scoring/store/enterprise-score.entity';

export { ConnectorRunEntity, QuarantineRecordEntity, RawRecordEntity, StreamStateEntity };

/** Every entity the DataSource maps; the migrations create exactly these tables. */
export const ENTITIES = [
  RawRecordEntity,
  StreamStateEntity,
  ConnectorRunEntity,
  QuarantineRecordEntity,
  EnterpriseProfileSchema,
  ProfileProvenanceEntity,
  ProfileChangeEntity,
  ProfileConflictEntity,
  RecordLinkEntity,
  ResolutionCaseEntity,
  EnterpriseNameEntity,
  RegisteredEnterpriseEntity,
  RecordNameKeyEntity,
  InstitutionEntity,
  ApiKeyEntity,
  ConsentEntity,
  AccessLogEntity,
  FinancingCaseEntity,
  FinancingEventEntity,
  StreamScheduleOverrideEntity,
  FundingPolicyVersionEntity,
  EnterpriseScoreEntity, EnterpriseScoreHistoryEntity,
];
