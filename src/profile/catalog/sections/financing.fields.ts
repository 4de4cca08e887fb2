import { defineSection } from '../define-section';

export const FINANCING_FIELDS = defineSection('financing', []);
