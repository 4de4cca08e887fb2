import { defineSection } from '../define-section';

export const IDENTITY_FIELDS = defineSection('identity', []);
