import type { HostCapabilities, PostdeskApi } from '../../shared/api';

/** The renderer's way to the host: the contract, and the URL of a site file for the preview. */
export interface PostdeskClient {
  api: PostdeskApi;
  /** What the host carrying the contract can do (declared in the contract, not sniffed). */
  capabilities: HostCapabilities;
  /** The URL that loads site-relative file `id` (an image, stylesheet or font) from the host. */
  assetUrl(id: string): string;
}
