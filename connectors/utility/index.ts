import { cursorPagedConnectorModule } from '../sdk/cursor-paged-connector';
import { UTILITY_STREAMS } from './utility.streams';

/** The power and water utilities: accounts (holder name and address) and monthly bills. */
export default cursorPagedConnectorModule({ id: 'utility', title: 'Power and water utilities (水电)', streams: UTILITY_STREAMS });
