/**
 * View models: pure functions from a validated dataset to plain objects with
 * every text already in the interface language, ready for components/.
 */
export type { ViewLocale } from './locale';
export { formatDate, joinList, machineDate } from './locale';
export type { SourceRef, SourceDetails } from './source-view';
export type { AspectView, PositionView, DisagreementView } from './aspect-view';
export { buildPopoverView } from './popover-view';
export type {
  PopoverTarget,
  PopoverView,
  PopoverOptions,
  ClaimView,
  SourceReportView,
  EventLinkView,
  SentenceVerdict,
  StoryGroupView,
} from './popover-view';
export { buildBriefView } from './brief-view';
export type { BriefView, BriefOptions, ParticipantView } from './brief-view';
export type { MatrixView, MatrixRow, MatrixCell, MatrixValue } from './matrix';
export type { TimelineItem } from './timeline';
export { buildRecognizedView, RECOGNIZED_KINDS } from './recognized-view';
export type { RecognizedView, RecognizedGroupView, RecognizedItemView } from './recognized-view';
export { buildEventChoices, defaultBriefEvent } from './event-choices';
export type { EventChoice, EventChoices } from './event-choices';
export { viewIndex } from './view-index';
export type { DisputeLineView, DisputePositionView, PageSaysView, QuotedSource, PageAssertion } from './dispute-lines';
export { HIGHLIGHT_MODES, planHighlights, tellingItems, disputedSubjects } from './highlight-plan';
export type { HighlightMode } from './highlight-plan';
