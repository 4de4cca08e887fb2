import type { ApolloServerPlugin } from '@apollo/server';
import type { AccessLogWriter } from '../../src/access/access-log-writer';
import type { GraphqlContext } from '../context';

/**
 * Writes the request's profile reads to the access log before the response is sent. If the log
 * cannot be written, the data is not sent either: the response becomes an INTERNAL_SERVER_ERROR.
 */
export function accessLogPlugin(writer: AccessLogWriter, onError: (error: unknown) => void): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const { access, principal } = contextValue;
          if (access.size === 0 || principal === null) return;
          try {
            await access.flush(writer, principal, operationName ?? 'anonymous');
          } catch (error) {
            onError(error);
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [{ message: 'the access log could not be written, so no profile data is served', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
            }
          }
        },
      };
    },
  };
}
