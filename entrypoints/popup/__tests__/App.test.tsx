import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fixture, pageSummary } from '../../../core/views/__tests__/fixture';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { getSettings } from '../../../lib/storage/settings';
import { App, initialStory } from '../App';
import { getOpenSections } from '../open-sections';
import type { PopupData } from '../load-popup-data';

const summary = pageSummary({
  items: [
    { id: 'trump', kind: 'person', count: 3 },
    { id: 'white-house', kind: 'event', count: 1 },
  ],
  events: ['white-house'],
});

const one = fixture();
const data = (over: Partial<PopupData> = {}): PopupData => ({
  dataset: one,
  stories: [{ id: 'fixture', title: { de: one.name, en: one.name }, dataset: one }],
  settings: { ...DEFAULT_SETTINGS, language: 'en' },
  tabId: 7,
  summary,
  requestedEvent: null,
  inTab: false,
  openSections: [],
  ...over,
});

describe('popup App', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('lists what was recognized in a section that opens on demand, and shows a choice on the page', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    render(<App data={data()} />);
    const recognized = document.getElementById('section-recognized') as HTMLDetailsElement;
    expect(recognized.open).toBe(false);
    expect(within(recognized).getByRole('heading', { name: 'Recognized on this page (2)' })).toBeTruthy();
    recognized.open = true;
    fireEvent(recognized, new Event('toggle'));
    await vi.waitFor(async () => expect(await getOpenSections()).toEqual(['recognized']));
    fireEvent.click(within(recognized).getByRole('button', { name: /Donald Trump/ }));
    expect(send).toHaveBeenCalledWith(7, { type: 'scroll-to', id: 'trump' });
  });

  it('opens the sections the reader left open', () => {
    render(<App data={data({ openSections: ['matrix', 'sources'] })} />);
    const open = [...document.querySelectorAll('details.cc-disclosure')].map((d) => [
      d.id,
      (d as HTMLDetailsElement).open,
    ]);
    expect(open).toEqual([
      ['section-recognized', false],
      ['section-matrix', true],
      ['section-timeline', false],
      ['section-participants', false],
      ['section-sources', true],
    ]);
  });

  it('puts the disagreements on the first screen, one line each, and what the page says first', () => {
    render(
      <App
        data={data({
          summary: { ...summary, claims: ['trump-air'], assertions: [{ aspect: 'trump-air', value: 'offered' }] },
        })}
      />,
    );
    const lines = document.querySelectorAll('.cc-dline');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!.classList.contains('cc-dline--page')).toBe(true);
    expect(lines[0]!.textContent).toMatch(/This page says “offered”/);
  });

  it('briefs the page’s main event and switches to another event', () => {
    render(<App data={data()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'White House meeting' })).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Event' }) as HTMLSelectElement;
    expect(select.value).toBe('white-house');
    fireEvent.change(select, { target: { value: 'conf' } });
    expect(screen.getByRole('heading', { level: 2, name: 'Video conference' })).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it('opens the event asked for', () => {
    render(<App data={data({ requestedEvent: 'paris' })} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Paris talks' })).toBeTruthy();
  });

  it('turns Crosscheck off on this site and back on', async () => {
    render(<App data={data()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on this site' }));
    await screen.findByRole('button', { name: 'Turn on on this site' });
    expect((await getSettings()).disabledSites).toEqual(['example.org']);
    expect(screen.getByText('Crosscheck is turned off on this site.')).toBeTruthy();
    expect(document.getElementById('section-recognized')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on on this site' }));
    await screen.findByRole('button', { name: 'Turn off on this site' });
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('opens the options page', () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    render(<App data={data()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('browses all events where there is no content script', () => {
    render(<App data={data({ summary: null })} />);
    expect(screen.getByText(/Crosscheck cannot read this page/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /on this site/ })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Video conference' })).toBeTruthy();
    const options = within(screen.getByRole('combobox', { name: 'Event' })).getAllByRole('option');
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual(['summit', 'white-house', 'conf', 'paris']);
  });

  it('speaks the chosen interface language and sets lang', () => {
    render(<App data={data({ settings: { ...DEFAULT_SETTINGS, language: 'de' } })} />);
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe('Crosscheck – wer berichtete was');
    expect(screen.getByRole('heading', { name: 'Auf dieser Seite erkannt (2)' })).toBeTruthy();
  });

  it('opens on the page’s story and lets the reader switch stories with a labelled select', () => {
    const other = fixture();
    other.events = other.events.map((e) => ({
      ...e,
      title: { de: `Andere: ${e.title.de}`, en: `Other: ${e.title.en}` },
    }));
    const stories = [
      { id: 'first', title: { de: 'Erste', en: 'First story' }, dataset: one },
      { id: 'second', title: { de: 'Zweite', en: 'Second story' }, dataset: other },
    ];
    render(<App data={data({ stories, summary: { ...summary, stories: ['second'] } })} />);
    const select = screen.getByLabelText('Story') as HTMLSelectElement;
    expect(select.value).toBe('second');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Second story (on this page)', 'First story']);
    expect(screen.getAllByText(/^Other: /).length).toBeGreaterThan(0);
    fireEvent.change(select, { target: { value: 'first' } });
    expect(select.value).toBe('first');
    expect(screen.queryAllByText(/^Other: /)).toHaveLength(0);
  });

  it('opens on the story of an event asked for', () => {
    const stories = [
      { id: 'first', title: { de: 'Erste', en: 'First' }, dataset: one },
      { id: 'second', title: { de: 'Zweite', en: 'Second' }, dataset: { ...one, events: [] } },
    ];
    const event = one.events[0]!.id;
    expect(
      initialStory(data({ stories, requestedEvent: event, summary: { ...summary, stories: ['second'] } }))?.id,
    ).toBe('first');
    expect(initialStory(data({ stories, summary: { ...summary, stories: ['second'] } }))?.id).toBe('second');
    expect(initialStory(data({ stories, summary: null }))?.id).toBe('first');
  });
});
