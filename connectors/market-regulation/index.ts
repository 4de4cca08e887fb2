import { cursorPagedConnectorModule } from '../sdk/cursor-paged-connector';
import { MARKET_REGULATION_STREAMS } from './market-regulation.streams';

/** The market regulation registry: enterprises by USCC, with changes, shareholders, penalties and reports. */
export default cursorPagedConnectorModule({ id: 'market-regulation', title: 'Market regulation registry (工商)', streams: MARKET_REGULATION_STREAMS });
