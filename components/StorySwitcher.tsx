/**
 * The select that switches the popup's brief between stories (packs): the
 * page's stories first, marked as on this page, then the other enabled ones.
 * A native labelled select: keyboard and screen readers get it as it is.
 */
import type { Translate } from '../core/translate';

export interface StoryChoice {
  id: string;
  title: string;
  /** The page being read is about this story. */
  onPage: boolean;
}

export interface StorySwitcherProps {
  stories: StoryChoice[];
  value: string;
  t: Translate;
  onChange: (storyId: string) => void;
}

export function StorySwitcher({ stories, value, t, onChange }: StorySwitcherProps) {
  return (
    <div class="cc-picker cc-story-switcher">
      <label for="story-select">{t('popupStory')}</label>
      <select id="story-select" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.onPage ? t('popupStoryOnPage', s.title) : s.title}
          </option>
        ))}
      </select>
    </div>
  );
}
