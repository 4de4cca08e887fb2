import { defineSection } from '../define-section';

export const COMPLIANCE_FIELDS = defineSection('compliance', []);
