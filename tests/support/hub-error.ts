import { HubError } from '../../src/errors/hub-error';

/** The HubError a promise rejects with; any other outcome fails the test. */
export async function hubErrorOf(p: Promise<unknown>): Promise<HubError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
}
