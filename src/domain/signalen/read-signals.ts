/**
 * Reads Signalen signals from a JSON byte stream one at a time, so a dump of 100,000 signals never sits in memory
 * whole. Accepted: a page of the signals API (`{ "_links": …, "count": …, "results": [ … ] }`), several such pages
 * one after the other (what `curl "$next" >> dump.json` in a loop makes), or a plain array of signals.
 * Streaming parser: @streamparser/json (see ARCHITECTURE.md).
 */
import JSONParser from '@streamparser/json/jsonparser.js';
import { DomainError } from '../../shared/errors.ts';

export type SignalenChunk = Uint8Array | string;

/**
 * Yields every signal (unvalidated) in file order. Parsing stops while the consumer works on what was yielded, so
 * memory holds at most one chunk's worth of signals. A file that is not such JSON throws a validation error.
 */
export async function* readSignals(chunks: AsyncIterable<SignalenChunk>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder('utf-8');
  let parser: JSONParser | null = null;
  let pending: unknown[] = [];
  let failure: Error | null = null;
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (!parser) {
      const first = text.trimStart()[0];
      if (first === undefined) continue;
      parser = parserFor(
        first,
        (value) => pending.push(value),
        (error) => (failure ??= error),
      );
    }
    parser.write(text);
    if (failure) throw notSignalenJson(failure);
    const ready = pending;
    pending = [];
    yield* ready;
  }
  if (!parser) throw new DomainError('validation', 'The file is empty: expected Signalen signals as JSON.');
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (!parser.isEnded) parser.end();
  if (failure) throw notSignalenJson(failure);
  yield* pending;
}

function parserFor(first: string, onSignal: (value: unknown) => void, onError: (error: Error) => void): JSONParser {
  if (first !== '[' && first !== '{')
    throw new DomainError(
      'validation',
      'The file is not Signalen JSON: expected a page of the signals API ({"results": [...]}) or an array of signals.',
    );
  // keepStack false: each signal is dropped from its array once handed over. separator '': pages may follow each other.
  const parser = new JSONParser({
    paths: first === '[' ? ['$.*'] : ['$.results.*'],
    keepStack: false,
    separator: '',
  });
  parser.onValue = ({ value }) => onSignal(value);
  parser.onError = onError;
  return parser;
}

function notSignalenJson(error: Error): DomainError {
  return new DomainError('validation', `The file is not valid JSON: ${error.message}`);
}
