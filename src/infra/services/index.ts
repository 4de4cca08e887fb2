/** Obtaining MariaDB and Redis for the hub: see docs/services.md. */
export { ensureServices, type EnsureReport, type ServiceSettings } from './ensure-services';
export { dropDatabase, ensureDatabase } from './ensure-database';
export { stopPrivateServices } from './stop-private-services';
export { ServicesUnavailableError, type ServiceFailure, type ServiceName } from './services-unavailable.error';
export { InvalidServiceUrlError } from './invalid-service-url.error';
