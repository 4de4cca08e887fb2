import { cursorPagedConnectorModule } from '../sdk/cursor-paged-connector';
import { TAX_STREAMS } from './tax.streams';

/** The tax bureau: declarations, arrears, credit grades and R&D deductions by taxpayer id. */
export default cursorPagedConnectorModule({ id: 'tax', title: 'Tax bureau (税务)', streams: TAX_STREAMS });
