import type { HubConfig } from '../../config/config';
import { cstDate } from '../derive/calendar';

/** The date profiles are computed as of now: the configured PROFILE_AS_OF, or today in China Standard Time. */
export function currentAsOf(config: HubConfig, now: Date = new Date()): string {
  return config.profile.fixedAsOf ?? cstDate(now);
}
