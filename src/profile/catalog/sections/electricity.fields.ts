import { defineSection } from '../define-section';

export const ELECTRICITY_FIELDS = defineSection('electricity', []);
