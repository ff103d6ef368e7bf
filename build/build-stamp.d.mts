// Types of build-stamp.mjs for the tests that import it.
/** The repository root. */
export declare const root: string;
/** The files a build writes (repository-relative): all must exist for a stamp to count. */
export declare const outputs: readonly string[];
/** The hash of every build input's path and bytes under `dir`, in a stable order. */
export declare function hashInputs(dir?: string): Promise<string>;
/** True when `dir`/out holds every output and a stamp of exactly these inputs. */
export declare function isUpToDate(inputsHash: string, dir?: string): Promise<boolean>;
/** Removes the stamp. */
export declare function clearStamp(dir?: string): Promise<void>;
/** Records that out/ was built from the inputs with this hash. */
export declare function writeStamp(inputsHash: string, dir?: string): Promise<void>;
