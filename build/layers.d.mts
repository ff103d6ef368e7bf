// Types of build/layers.mjs for the TypeScript tests.
/** A layer's name. */
export type Layer = 'shared' | 'renderer' | 'library' | 'host' | 'shell' | 'entry' | 'tooling' | 'test';
/** What a layer may import. */
export interface LayerRules {
  may: string[];
  node: boolean;
  packages: 'pure' | 'browser' | 'node' | 'any';
  electron: boolean | 'types';
}
export declare const sharedPackages: string[];
export declare const nodeOnlyPackages: string[];
export declare const layers: Record<Layer, LayerRules>;
export declare const entryPoints: string[];
export declare function layerOf(file: string): Layer | null;
export declare function packageOf(specifier: string): string;
export declare function refusal(
  from: string,
  target: { file: string } | { specifier: string },
  typeOnly?: boolean,
): string | null;
