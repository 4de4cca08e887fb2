import { defineSection } from '../define-section';

export const TAX_FIELDS = defineSection('tax', []);
