/** A verbatim quote from a report, shown on demand. */
import { useId, useState } from 'preact/hooks';
import type { Lang } from '../core/dataset/schema';
import type { Translate } from '../core/translate';

export interface QuoteToggleProps {
  quote: string;
  /** The language of the report the quote is from. */
  lang: Lang;
  t: Translate;
}

export function QuoteToggle({ quote, lang, t }: QuoteToggleProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class="cc-quote">
      <button
        type="button"
        class="cc-link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('hideQuote') : t('showQuote')}
      </button>
      <blockquote id={id} lang={lang} hidden={!open}>
        {quote}
      </blockquote>
    </div>
  );
}
