import { defineSection } from '../define-section';

export const DERIVED_FIELDS = defineSection('derived', []);
