/**
 * The build's own id (a hash of the background's code, put in at build time
 * by scripts/lib/build-id.ts); in unit tests, which run the sources, the
 * placeholder itself. A string literal, so that minifiers keep it whole.
 */
export const BUILD_ID_PLACEHOLDER = '__CROSSCHECK_BUILD_ID__';
export const BUILD_ID: string = '__CROSSCHECK_BUILD_ID__';
