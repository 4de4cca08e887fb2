import { ConnectorRunEntity } from './connector-run.entity';
import { QuarantineRecordEntity } from './quarantine-record.entity';
import { RawRecordEntity } from './raw-record.entity';
import { StreamStateEntity } from './stream-state.entity';

export { ConnectorRunEntity, QuarantineRecordEntity, RawRecordEntity, StreamStateEntity };

/** Every entity the DataSource maps; the migrations create exactly these tables. */
export const ENTITIES = [RawRecordEntity, StreamStateEntity, ConnectorRunEntity, QuarantineRecordEntity];
