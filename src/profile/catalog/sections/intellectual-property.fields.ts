import { defineSection } from '../define-section';

export const INTELLECTUAL_PROPERTY_FIELDS = defineSection('intellectual_property', []);
