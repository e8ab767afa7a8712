/**
 * The API client travels down the element tree by context: iken-app provides
 * it, pages consume it, and a test or another host can provide its own.
 */
import { createContext, ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from './api-client.js';

/** Context key for the ApiClient. */
export const apiContext = createContext<ApiClient>(Symbol('iken-api-client'));

/** What a page reads: the client, once the provider has answered. */
export interface ApiHandle {
  readonly value?: ApiClient | undefined;
}

/** Adds a consumer of the API client to `host`. */
export function consumeApi(host: ReactiveControllerHost & HTMLElement): ApiHandle {
  return new ContextConsumer(host, { context: apiContext });
}

/** The client, or an error a page can show when no provider is above it. */
export function requireApi(handle: ApiHandle): ApiClient {
  if (!handle.value) throw new Error('API の接続先が設定されていません。');
  return handle.value;
}
