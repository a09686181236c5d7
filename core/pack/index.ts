/** Story packs: format, migrations, validation, merging. Pure modules. */
export * from './manifest';
export * from './schema';
export { migratePack, migrate1to2, slugOf, type MigrateOptions } from './migrate';
export {
  validatePack,
  decideImport,
  installedInfo,
  packKeys,
  InstalledIndex,
  type InstalledPackInfo,
  type PackValidation,
  type ImportDecision,
} from './validate';
export { assemblePack } from './bundled';
export { mergePacks, nsId, NS, type MergedPacks, type PackPart } from './merge';
export { storiesOf, type StoryReport } from './stories';
export { readPackFile, MAX_UNZIPPED_BYTES, type PackFileEntry, type PackFileResult } from './file';
export {
  compilePacks,
  mergeMentions,
  type PacksRecognizer,
  type PacksScan,
  type PacksScanContext,
  type StoryRelevance,
} from './recognizer';
export type { PackSummary } from './summary';
