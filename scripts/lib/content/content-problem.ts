// A mistake in an article file, as data: what is wrong (a code), where (file, line, field)
// and the facts a message needs. The build collects them; problem-messages.ts words them,
// in Arabic and English, for the terminal and for the preview's overlay alike.

/** Mistakes in the YAML itself: the front matter cannot be read at all. */
export type YamlProblemCode =
  | 'unquotedColon' | 'needsQuotes' | 'unclosedQuote' | 'textAfterQuote' | 'badIndentation' | 'tabIndentation'
  | 'noFrontMatter' | 'noClosingDelimiter' | 'duplicateField' | 'invalidYaml';

/** Mistakes in what the front matter says (article-schema.ts), and across the site's articles. */
export type SchemaProblemCode =
  | 'missing' | 'unknownField' | 'text' | 'hex16' | 'hex64' | 'date' | 'bareDate' | 'dateSource' | 'excerpt' | 'tags' | 'boolean'
  | 'image' | 'unknownSection' | 'duplicateId' | 'missingImage' | 'notAnImage';

export type ProblemCode = YamlProblemCode | SchemaProblemCode;

/** The facts a message is filled with. */
export interface ProblemValues {
  /** The value as written (a section's name, a date, an id). */
  value?: string;
  /** The values allowed instead (the configured sections), comma-separated. */
  allowed?: string;
  /** The allowed value or field name nearest to what was written. */
  nearest?: string;
  /** Another file the problem involves (the first file with a duplicated id). */
  other?: string;
  /** js-yaml's own words, for a YAML mistake no rule here recognises. */
  reason?: string;
}

/** A problem found in one file (the file is the caller's). */
export interface FileProblem {
  code: ProblemCode;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  field?: string;
  values?: ProblemValues;
}

/** A problem with the file it is in: the path an editor opens (relative to the project). */
export interface ContentProblem extends FileProblem {
  file: string;
}
