import { defineSection } from '../define-section';

export const TALENT_FIELDS = defineSection('talent', []);
