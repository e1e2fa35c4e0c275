// A report problem in the reader's language: from its kind and params when the language has a sentence for
// that kind, else the server's English message (a problem without a kind, or of a kind newer than this page).
import type { ImportProblem } from '../api/import-types';
import type { ProblemKind, ProblemParams, ProblemSentences } from '../api/problem-params';

export function toProblemSentence(problem: Pick<ImportProblem, 'kind' | 'params' | 'message'>, sentences: ProblemSentences): string {
  const { kind, params } = problem;
  if (!kind || !Object.hasOwn(sentences, kind) || !params || typeof params !== 'object') return problem.message;
  const say = sentences[kind as ProblemKind] as (p: ProblemParams[ProblemKind]) => string;
  try {
    return say(params as ProblemParams[ProblemKind]);
  } catch {
    // Params that do not fit the kind (a server of another version): its own words are still right
    return problem.message;
  }
}
