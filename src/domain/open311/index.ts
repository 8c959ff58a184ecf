/** The Open311 GeoReport v2 area as others see it (routes.ts is registered by src/http). */
export {
  createOpen311Client,
  listOpen311Clients,
  registerOpen311Client,
  revokeOpen311Client,
  hashApiKey,
} from './manage-clients.ts';
export { createServiceRequest } from './create-service-request.ts';
export { listServices, getServiceDefinition } from './list-services.ts';
export { listServiceRequests, getServiceRequest } from './list-service-requests.ts';
export { discoveryDocument } from './discovery.ts';
export type { Open311Client, Service, ServiceDefinition, ServiceRequest, CreatedServiceRequest } from './schemas.ts';
