import { Fragment } from 'react';

/** Latin runs inside Arabic text: a currency (`US$`, `EUR`) or a Latin word. */
const LATIN = /([A-Za-z][A-Za-z.]*\$?)/;

/**
 * Text with its Latin runs isolated left-to-right, so that `٩٥١٫٧ مليون US$` keeps `US$` whole
 * instead of the bidi algorithm turning it into `$US` at the end of a right-to-left line.
 */
export function LatinRuns({ text }: { text: string }) {
  const parts = text.split(LATIN);
  if (parts.length === 1) return text;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <bdi key={i} dir="ltr">
            {part}
          </bdi>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
