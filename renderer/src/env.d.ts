/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { InspectorApi } from '../../preload/api-contract';

declare global {
  interface Window {
    /** Exposed by the preload; absent when the page is opened without it. */
    readonly inspector?: InspectorApi;
  }
}

export {};
