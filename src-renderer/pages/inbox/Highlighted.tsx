import { splitHighlight } from '../../model/inbox/highlight';

/** Text with the words of a search marked (<mark>). */
export function Highlighted({ text, query }: { text: string; query: string | null | undefined }) {
  if (!query) return <>{text}</>;
  return (
    <>
      {splitHighlight(text, query).map((part, index) =>
        part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
