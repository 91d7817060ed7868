// Why a build failed, as plain data a worker can post and the terminal or the preview's
// overlay can show: the articles' problems when that is the reason (worded by
// content/problem-messages.ts), otherwise the error's message and its causes. A stack
// trace only when asked for (--verbose, SITE_VERBOSE=1): an editor needs the file and line.

import type { ContentProblem } from '../content/content-problem.ts';
import { problemsReport } from '../content/problem-messages.ts';
import { EDITOR_STRINGS } from '../config/locale-ar.ts';
import { InvalidContentError } from './article-source.ts';

export interface BuildFailure {
  /** The articles' problems, when they are why the build failed (empty otherwise). */
  problems: ContentProblem[];
  /** Any other failure: the error's message, then each cause's, one per line. */
  message?: string;
  /** The stack traces of the error and its causes. */
  stack?: string;
}

function messages(error: unknown): string[] {
  const lines: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    const text = current instanceof Error ? current.message : String(current);
    if (!lines.includes(text)) lines.push(text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}

function stacks(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    parts.push(current instanceof Error ? current.stack ?? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\nCaused by: ');
}

export function buildFailure(error: unknown): BuildFailure {
  if (error instanceof InvalidContentError) return { problems: error.problems, stack: stacks(error) };
  return { problems: [], message: messages(error).join('\n'), stack: stacks(error) };
}

/** The failure as the terminal prints it: one line per problem; the stack only when verbose. */
export function failureReport(failure: BuildFailure, options: { verbose: boolean }): string {
  const text = failure.problems.length > 0
    ? problemsReport(failure.problems)
    : `${EDITOR_STRINGS.buildError} | the build failed: ${failure.message ?? ''}`;
  return options.verbose && failure.stack ? `${text}\n${failure.stack}` : text;
}
