import DataLoader from 'dataloader';
import type { EnterpriseRecords } from '../../src/profile/derive/enterprise-records';
import { loadPatentRecords } from '../../src/scoring/patent-value/patent-records.service';
import type { LoaderScope } from './request-loaders';

/**
 * The patent records (patents, legal events, registration and name changes) of each enterprise of a
 * query level, in one statement per batch: `Enterprise.patents` and `patentValueSummary` of a list of
 * 100 enterprises cost what one does. Values are computed from them per field (pure and cheap).
 */
export const patentRecordsLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<string, EnterpriseRecords>(async (usccs) => loadPatentRecords(runtime.db, usccs), { batchScheduleFn: (dispatch) => void setImmediate(dispatch) });
