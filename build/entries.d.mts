// Types of build/entries.mjs for the TypeScript tests.
import type { BuildOptions } from 'esbuild';
export declare const nodeEntries: { in: string; out: string }[];
export declare const rendererEntry: string;
export declare const nodeBuildOptions: BuildOptions & { external: string[]; platform: 'node' };
