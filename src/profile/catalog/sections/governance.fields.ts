import { defineSection } from '../define-section';

export const GOVERNANCE_FIELDS = defineSection('governance', []);
