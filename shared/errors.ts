// The contract's error codes and error class; kept at this path for existing imports.
export * from './contract/errors';
