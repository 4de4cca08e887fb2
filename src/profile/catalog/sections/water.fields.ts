import { defineSection } from '../define-section';

export const WATER_FIELDS = defineSection('water', []);
