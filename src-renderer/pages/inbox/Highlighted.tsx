import { EmojiText } from '../../components/emoji/EmojiText';
import { splitHighlight } from '../../model/inbox/highlight';

/** Text with the words of a search marked (<mark>), its emoji drawn as images. */
export function Highlighted({ text, query }: { text: string; query: string | null | undefined }) {
  if (!query) return <EmojiText text={text} />;
  return (
    <>
      {splitHighlight(text, query).map((part, index) =>
        part.hit ? (
          <mark key={index}>
            <EmojiText text={part.text} />
          </mark>
        ) : (
          <span key={index}>
            <EmojiText text={part.text} />
          </span>
        ),
      )}
    </>
  );
}
