import type { ESLint } from 'eslint';

/** The ESLint plugin holding the rule `ignored-errors` (see build/eslint-ignored-errors.mjs). */
export declare const ignoredErrorsPlugin: ESLint.Plugin;
