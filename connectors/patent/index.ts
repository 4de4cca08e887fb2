import { cursorPagedConnectorModule } from '../sdk/cursor-paged-connector';
import { PATENT_STREAMS } from './patent.streams';

/** The patent office: patents by application number, naming applicants, and their legal events. */
export default cursorPagedConnectorModule({ id: 'patent', title: 'Patent office (知识产权)', streams: PATENT_STREAMS });
