import { ClientConfig } from '@marsad/contracts';
import { request } from './http.ts';

export type { ClientConfig };

export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return request('/api/config', { schema: ClientConfig, signal });
}
