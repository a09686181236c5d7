// A live blog rendered by React that re-renders under the extension: a ticking
// clock inside a paragraph with names (text-node updates), new posts prepended,
// a post whose text React rewrites, and a list React reorders by key.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const POSTS = [
  'Wolodymyr Selenskyj fordert neue Sanktionen gegen Moskau.',
  'Die Nato-Militärchefs beraten in einer Videokonferenz über Sicherheitsgarantien für die Ukraine.',
  'Sergej Lawrow lehnt Nato-Truppen in der Ukraine ab.',
  'Giuseppe Cavo Dragone lobt die offene Diskussion der Verteidigungschefs.',
];

function Ticker() {
  const [n, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN((x) => x + 1), 50);
    return () => clearInterval(id);
  }, []);
  return <p id="ticker">Donald Trump und Wladimir Putin: Update {n}</p>;
}

function App() {
  const [posts, setPosts] = useState(POSTS.map((text, id) => ({ id, text })));
  const [flip, setFlip] = useState(false);
  useEffect(() => {
    let next = POSTS.length;
    const add = setInterval(() => {
      const post = { id: next, text: `Eilmeldung ${next}: Mark Rutte und Alexus Grynkewich äußern sich.` };
      next++;
      setPosts((p) => [post, ...p].slice(0, 30));
    }, 120);
    const toggle = setInterval(() => setFlip((f) => !f), 90);
    const stop = setTimeout(() => {
      clearInterval(add);
      clearInterval(toggle);
      window.__reactDone = true;
    }, 3000);
    return () => [add, toggle].forEach(clearInterval) || clearTimeout(stop);
  }, []);
  const shown = flip ? [...posts].reverse() : posts;
  // What React believes it rendered, for the test to compare with what the reader sees.
  useEffect(() => {
    window.__state = {
      items: shown.map((p) => p.text),
      meet: flip
        ? 'Wolodymyr Selenskyj trifft Mark Rutte in Brüssel.'
        : 'Wladimir Putin trifft Donald Trump in Alaska.',
      flip: flip ? 'Selenskyj trifft Trump im Weißen Haus.' : 'Putin trifft Trump in Alaska.',
    };
  });
  return (
    <main>
      <h1>Liveblog: Sicherheitsgarantien für die Ukraine</h1>
      <Ticker />
      <p id="meet">
        {flip ? 'Wolodymyr Selenskyj' : 'Wladimir Putin'} trifft {flip ? 'Mark Rutte' : 'Donald Trump'} in{' '}
        {flip ? 'Brüssel' : 'Alaska'}.
      </p>
      <p id="flip">{flip ? 'Selenskyj trifft Trump im Weißen Haus.' : 'Putin trifft Trump in Alaska.'}</p>
      <ul>
        {shown.map((p) => (
          <li key={p.id}>{p.text}</li>
        ))}
      </ul>
    </main>
  );
}

window.addEventListener('error', (e) => (window.__pageErrors ??= []).push(String(e.message)));
createRoot(document.getElementById('root')).render(<App />);
